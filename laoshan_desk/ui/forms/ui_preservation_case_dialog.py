# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preservation_case_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from typing import Any

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PreservationCaseDialog(object):
    def setupUi(self, PreservationCaseDialog: Any) -> None:
        if not PreservationCaseDialog.objectName():
            PreservationCaseDialog.setObjectName(u"PreservationCaseDialog")
        PreservationCaseDialog.resize(560, 560)
        self.verticalLayout = QVBoxLayout(PreservationCaseDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.caseNumberEditLabel = QLabel(PreservationCaseDialog)
        self.caseNumberEditLabel.setObjectName(u"caseNumberEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseNumberEditLabel)

        self.caseNumberEdit = QLineEdit(PreservationCaseDialog)
        self.caseNumberEdit.setObjectName(u"caseNumberEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseNumberEdit)

        self.kindComboLabel = QLabel(PreservationCaseDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(PreservationCaseDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.applicantEditLabel = QLabel(PreservationCaseDialog)
        self.applicantEditLabel.setObjectName(u"applicantEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.applicantEditLabel)

        self.applicantEdit = QLineEdit(PreservationCaseDialog)
        self.applicantEdit.setObjectName(u"applicantEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.applicantEdit)

        self.causeEditLabel = QLabel(PreservationCaseDialog)
        self.causeEditLabel.setObjectName(u"causeEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.causeEditLabel)

        self.causeEdit = QLineEdit(PreservationCaseDialog)
        self.causeEdit.setObjectName(u"causeEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.causeEdit)

        self.respondentEditLabel = QLabel(PreservationCaseDialog)
        self.respondentEditLabel.setObjectName(u"respondentEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.respondentEditLabel)

        self.respondentEdit = QLineEdit(PreservationCaseDialog)
        self.respondentEdit.setObjectName(u"respondentEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.respondentEdit)

        self.respondentIdEditLabel = QLabel(PreservationCaseDialog)
        self.respondentIdEditLabel.setObjectName(u"respondentIdEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.respondentIdEditLabel)

        self.respondentIdEdit = QLineEdit(PreservationCaseDialog)
        self.respondentIdEdit.setObjectName(u"respondentIdEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.respondentIdEdit)

        self.respondentPhoneEditLabel = QLabel(PreservationCaseDialog)
        self.respondentPhoneEditLabel.setObjectName(u"respondentPhoneEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.respondentPhoneEditLabel)

        self.respondentPhoneEdit = QLineEdit(PreservationCaseDialog)
        self.respondentPhoneEdit.setObjectName(u"respondentPhoneEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.respondentPhoneEdit)

        self.claimEditLabel = QLabel(PreservationCaseDialog)
        self.claimEditLabel.setObjectName(u"claimEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.claimEditLabel)

        self.claimEdit = QLineEdit(PreservationCaseDialog)
        self.claimEdit.setObjectName(u"claimEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.claimEdit)

        self.receivedEditLabel = QLabel(PreservationCaseDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = QDateTimeEdit(PreservationCaseDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.guaranteeTypeComboLabel = QLabel(PreservationCaseDialog)
        self.guaranteeTypeComboLabel.setObjectName(u"guaranteeTypeComboLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.guaranteeTypeComboLabel)

        self.guaranteeTypeCombo = QComboBox(PreservationCaseDialog)
        self.guaranteeTypeCombo.setObjectName(u"guaranteeTypeCombo")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.guaranteeTypeCombo)

        self.guaranteeAmountEditLabel = QLabel(PreservationCaseDialog)
        self.guaranteeAmountEditLabel.setObjectName(u"guaranteeAmountEditLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.guaranteeAmountEditLabel)

        self.guaranteeAmountEdit = QLineEdit(PreservationCaseDialog)
        self.guaranteeAmountEdit.setObjectName(u"guaranteeAmountEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.guaranteeAmountEdit)

        self.enterpriseCheckLabel = QLabel(PreservationCaseDialog)
        self.enterpriseCheckLabel.setObjectName(u"enterpriseCheckLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.enterpriseCheckLabel)

        self.enterpriseCheck = QCheckBox(PreservationCaseDialog)
        self.enterpriseCheck.setObjectName(u"enterpriseCheck")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.enterpriseCheck)

        self.urgentCheckLabel = QLabel(PreservationCaseDialog)
        self.urgentCheckLabel.setObjectName(u"urgentCheckLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.urgentCheckLabel)

        self.urgentCheck = QCheckBox(PreservationCaseDialog)
        self.urgentCheck.setObjectName(u"urgentCheck")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.urgentCheck)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(PreservationCaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PreservationCaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(PreservationCaseDialog)

        QMetaObject.connectSlotsByName(PreservationCaseDialog)
    # setupUi

    def retranslateUi(self, PreservationCaseDialog: Any) -> None:
        PreservationCaseDialog.setWindowTitle(QCoreApplication.translate("PreservationCaseDialog", u"\u65b0\u6536\u4fdd\u5168\u7533\u8bf7", None))
        self.caseNumberEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u6848\u53f7", None))
        self.caseNumberEdit.setPlaceholderText(QCoreApplication.translate("PreservationCaseDialog", u"\uff082026\uff09\u9c810212\u8d22\u4fdd12\u53f7", None))
        self.kindComboLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u4fdd\u5168\u7c7b\u578b", None))
        self.applicantEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u7533\u8bf7\u4eba", None))
        self.causeEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u6848\u7531", None))
        self.causeEdit.setPlaceholderText(QCoreApplication.translate("PreservationCaseDialog", u"\u5982\uff1a\u4e70\u5356\u5408\u540c\u7ea0\u7eb7", None))
        self.respondentEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u88ab\u7533\u8bf7\u4eba", None))
        self.respondentIdEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801/\u516c\u6c11\u8eab\u4efd\u53f7\u7801", None))
        self.respondentIdEdit.setPlaceholderText(QCoreApplication.translate("PreservationCaseDialog", u"18\u4f4d", None))
        self.respondentPhoneEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u88ab\u7533\u8bf7\u4eba\u7535\u8bdd", None))
        self.claimEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u8bf7\u6c42\u4fdd\u5168\u91d1\u989d\uff08\u5143\uff09", None))
        self.claimEdit.setPlaceholderText(QCoreApplication.translate("PreservationCaseDialog", u"1200000.00", None))
        self.receivedEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u6536\u5230\u7533\u8bf7\u65f6\u95f4", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("PreservationCaseDialog", u"yyyy-MM-dd HH:mm", None))
        self.guaranteeTypeComboLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u7533\u8bf7\u4eba\u62c5\u4fdd\u65b9\u5f0f", None))
        self.guaranteeAmountEditLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u7533\u8bf7\u4eba\u62c5\u4fdd\u91d1\u989d\uff08\u5143\uff09", None))
        self.enterpriseCheckLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u6d89\u4f01\u6848\u4ef6\uff08\u7eff\u8272\u901a\u9053\uff09", None))
        self.enterpriseCheck.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u5f53\u5929\u7acb\u6848\u3001\u5f53\u5929\u88c1\u5b9a", None))
        self.urgentCheckLabel.setText(QCoreApplication.translate("PreservationCaseDialog", u"\u60c5\u51b5\u7d27\u6025", None))
        self.urgentCheck.setText(QCoreApplication.translate("PreservationCaseDialog", u"48\u5c0f\u65f6\u5185\u88c1\u5b9a", None))
        self.errorLabel.setText("")
    # retranslateUi

