# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_policy_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_AlliancePolicyDialog(object):
    def setupUi(self, AlliancePolicyDialog: Any) -> None:
        if not AlliancePolicyDialog.objectName():
            AlliancePolicyDialog.setObjectName(u"AlliancePolicyDialog")
        AlliancePolicyDialog.resize(600, 620)
        self.verticalLayout = QVBoxLayout(AlliancePolicyDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.codeEditLabel = QLabel(AlliancePolicyDialog)
        self.codeEditLabel.setObjectName(u"codeEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeEditLabel)

        self.codeEdit = QLineEdit(AlliancePolicyDialog)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.titleEditLabel = QLabel(AlliancePolicyDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(AlliancePolicyDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.issuerEditLabel = QLabel(AlliancePolicyDialog)
        self.issuerEditLabel.setObjectName(u"issuerEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuerEditLabel)

        self.issuerEdit = QLineEdit(AlliancePolicyDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.issuedEditLabel = QLabel(AlliancePolicyDialog)
        self.issuedEditLabel.setObjectName(u"issuedEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuedEditLabel)

        self.issuedEdit = QDateEdit(AlliancePolicyDialog)
        self.issuedEdit.setObjectName(u"issuedEdit")
        self.issuedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuedEdit)

        self.stagesListLabel = QLabel(AlliancePolicyDialog)
        self.stagesListLabel.setObjectName(u"stagesListLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.stagesListLabel)

        self.stagesList = QListWidget(AlliancePolicyDialog)
        self.stagesList.setObjectName(u"stagesList")
        self.stagesList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.stagesList)

        self.industriesListLabel = QLabel(AlliancePolicyDialog)
        self.industriesListLabel.setObjectName(u"industriesListLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.industriesListLabel)

        self.industriesList = QListWidget(AlliancePolicyDialog)
        self.industriesList.setObjectName(u"industriesList")
        self.industriesList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.industriesList)

        self.honoursListLabel = QLabel(AlliancePolicyDialog)
        self.honoursListLabel.setObjectName(u"honoursListLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.honoursListLabel)

        self.honoursList = QListWidget(AlliancePolicyDialog)
        self.honoursList.setObjectName(u"honoursList")
        self.honoursList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.honoursList)

        self.linesListLabel = QLabel(AlliancePolicyDialog)
        self.linesListLabel.setObjectName(u"linesListLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.linesListLabel)

        self.linesList = QListWidget(AlliancePolicyDialog)
        self.linesList.setObjectName(u"linesList")
        self.linesList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.linesList)

        self.conditionsEditLabel = QLabel(AlliancePolicyDialog)
        self.conditionsEditLabel.setObjectName(u"conditionsEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.conditionsEditLabel)

        self.conditionsEdit = QPlainTextEdit(AlliancePolicyDialog)
        self.conditionsEdit.setObjectName(u"conditionsEdit")
        self.conditionsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.conditionsEdit)

        self.amountEditLabel = QLabel(AlliancePolicyDialog)
        self.amountEditLabel.setObjectName(u"amountEditLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.amountEditLabel)

        self.amountEdit = QLineEdit(AlliancePolicyDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.amountEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AlliancePolicyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AlliancePolicyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AlliancePolicyDialog)

        QMetaObject.connectSlotsByName(AlliancePolicyDialog)
    # setupUi

    def retranslateUi(self, AlliancePolicyDialog: Any) -> None:
        AlliancePolicyDialog.setWindowTitle(QCoreApplication.translate("AlliancePolicyDialog", u"\u653f\u7b56", None))
        self.codeEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u653f\u7b56\u7f16\u53f7", None))
        self.titleEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u653f\u7b56\u540d\u79f0", None))
        self.issuerEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u53d1\u5e03\u5355\u4f4d", None))
        self.issuedEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u53d1\u5e03\u65e5\u671f", None))
        self.issuedEdit.setDisplayFormat(QCoreApplication.translate("AlliancePolicyDialog", u"yyyy-MM-dd", None))
        self.stagesListLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u751f\u547d\u5468\u671f\u9636\u6bb5", None))
        self.industriesListLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u9002\u7528\u884c\u4e1a\uff08\u4e0d\u9009\u4e3a\u5168\u90e8\uff09", None))
        self.honoursListLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u8981\u6c42\u8363\u8a89\uff08\u4efb\u4e00\uff09", None))
        self.linesListLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u5e95\u7ebf\u4e0e\u9ad8\u7ebf", None))
        self.conditionsEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u7533\u62a5\u6761\u4ef6", None))
        self.amountEditLabel.setText(QCoreApplication.translate("AlliancePolicyDialog", u"\u91d1\u989d\u4e0a\u9650\uff08\u5143\uff09", None))
        self.errorLabel.setText("")
    # retranslateUi

