# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_complaint_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AllianceComplaintDialog(object):
    def setupUi(self, AllianceComplaintDialog: Any) -> None:
        if not AllianceComplaintDialog.objectName():
            AllianceComplaintDialog.setObjectName(u"AllianceComplaintDialog")
        AllianceComplaintDialog.resize(560, 470)
        self.verticalLayout = QVBoxLayout(AllianceComplaintDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindComboLabel = QLabel(AllianceComplaintDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(AllianceComplaintDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.receivedEditLabel = QLabel(AllianceComplaintDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = QDateTimeEdit(AllianceComplaintDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.complainantEditLabel = QLabel(AllianceComplaintDialog)
        self.complainantEditLabel.setObjectName(u"complainantEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.complainantEditLabel)

        self.complainantEdit = QLineEdit(AllianceComplaintDialog)
        self.complainantEdit.setObjectName(u"complainantEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.complainantEdit)

        self.phoneEditLabel = QLabel(AllianceComplaintDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(AllianceComplaintDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.enterpriseEditLabel = QLabel(AllianceComplaintDialog)
        self.enterpriseEditLabel.setObjectName(u"enterpriseEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.enterpriseEditLabel)

        self.enterpriseEdit = QLineEdit(AllianceComplaintDialog)
        self.enterpriseEdit.setObjectName(u"enterpriseEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.enterpriseEdit)

        self.usccEditLabel = QLabel(AllianceComplaintDialog)
        self.usccEditLabel.setObjectName(u"usccEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.usccEditLabel)

        self.usccEdit = QLineEdit(AllianceComplaintDialog)
        self.usccEdit.setObjectName(u"usccEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.contentEditLabel = QLabel(AllianceComplaintDialog)
        self.contentEditLabel.setObjectName(u"contentEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contentEditLabel)

        self.contentEdit = QPlainTextEdit(AllianceComplaintDialog)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contentEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceComplaintDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceComplaintDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceComplaintDialog)

        QMetaObject.connectSlotsByName(AllianceComplaintDialog)
    # setupUi

    def retranslateUi(self, AllianceComplaintDialog: Any) -> None:
        AllianceComplaintDialog.setWindowTitle(QCoreApplication.translate("AllianceComplaintDialog", u"\u767b\u8bb0\u6295\u8bc9\u4e3e\u62a5", None))
        self.kindComboLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u7c7b\u578b", None))
        self.receivedEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u767b\u8bb0\u65f6\u95f4", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("AllianceComplaintDialog", u"yyyy-MM-dd HH:mm", None))
        self.complainantEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u6295\u8bc9\u4eba/\u4e3e\u62a5\u4eba", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.enterpriseEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u88ab\u6295\u8bc9\u4f01\u4e1a", None))
        self.usccEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.contentEditLabel.setText(QCoreApplication.translate("AllianceComplaintDialog", u"\u5185\u5bb9", None))
        self.errorLabel.setText("")
    # retranslateUi

