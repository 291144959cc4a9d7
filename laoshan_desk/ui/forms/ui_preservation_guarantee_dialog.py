# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preservation_guarantee_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PreservationGuaranteeDialog(object):
    def setupUi(self, PreservationGuaranteeDialog: Any) -> None:
        if not PreservationGuaranteeDialog.objectName():
            PreservationGuaranteeDialog.setObjectName(u"PreservationGuaranteeDialog")
        PreservationGuaranteeDialog.resize(500, 380)
        self.verticalLayout = QVBoxLayout(PreservationGuaranteeDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.typeComboLabel = QLabel(PreservationGuaranteeDialog)
        self.typeComboLabel.setObjectName(u"typeComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeComboLabel)

        self.typeCombo = QComboBox(PreservationGuaranteeDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.issuerEditLabel = QLabel(PreservationGuaranteeDialog)
        self.issuerEditLabel.setObjectName(u"issuerEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerEditLabel)

        self.issuerEdit = QLineEdit(PreservationGuaranteeDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.numberEditLabel = QLabel(PreservationGuaranteeDialog)
        self.numberEditLabel.setObjectName(u"numberEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberEditLabel)

        self.numberEdit = QLineEdit(PreservationGuaranteeDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.amountEditLabel = QLabel(PreservationGuaranteeDialog)
        self.amountEditLabel.setObjectName(u"amountEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amountEditLabel)

        self.amountEdit = QLineEdit(PreservationGuaranteeDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.validUntilEditLabel = QLabel(PreservationGuaranteeDialog)
        self.validUntilEditLabel.setObjectName(u"validUntilEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.validUntilEditLabel)

        self.validUntilEdit = QDateEdit(PreservationGuaranteeDialog)
        self.validUntilEdit.setObjectName(u"validUntilEdit")
        self.validUntilEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.validUntilEdit)

        self.undertakingCheckLabel = QLabel(PreservationGuaranteeDialog)
        self.undertakingCheckLabel.setObjectName(u"undertakingCheckLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.undertakingCheckLabel)

        self.undertakingCheck = QCheckBox(PreservationGuaranteeDialog)
        self.undertakingCheck.setObjectName(u"undertakingCheck")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.undertakingCheck)

        self.creditEditLabel = QLabel(PreservationGuaranteeDialog)
        self.creditEditLabel.setObjectName(u"creditEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.creditEditLabel)

        self.creditEdit = QLineEdit(PreservationGuaranteeDialog)
        self.creditEdit.setObjectName(u"creditEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.creditEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(PreservationGuaranteeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PreservationGuaranteeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(PreservationGuaranteeDialog)

        QMetaObject.connectSlotsByName(PreservationGuaranteeDialog)
    # setupUi

    def retranslateUi(self, PreservationGuaranteeDialog: Any) -> None:
        PreservationGuaranteeDialog.setWindowTitle(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u767b\u8bb0\u62c5\u4fdd\uff08\u5c65\u7ea6\u4fdd\u51fd\uff09", None))
        self.typeComboLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u62c5\u4fdd\u7c7b\u578b", None))
        self.issuerEditLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u51fa\u5177\u94f6\u884c/\u4fdd\u9669\u516c\u53f8", None))
        self.numberEditLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u4fdd\u51fd\u7f16\u53f7", None))
        self.amountEditLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u62c5\u4fdd\u91d1\u989d\uff08\u5143\uff09", None))
        self.validUntilEditLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u6709\u6548\u671f\u81f3", None))
        self.validUntilEdit.setDisplayFormat(QCoreApplication.translate("PreservationGuaranteeDialog", u"yyyy-MM-dd", None))
        self.undertakingCheckLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u5c65\u7ea6\u627f\u8bfa\u51fd", None))
        self.undertakingCheck.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u5df2\u51fa\u5177\u5c65\u7ea6\u627f\u8bfa\u51fd", None))
        self.creditEditLabel.setText(QCoreApplication.translate("PreservationGuaranteeDialog", u"\u6388\u4fe1\u534f\u8bae", None))
        self.errorLabel.setText("")
    # retranslateUi

