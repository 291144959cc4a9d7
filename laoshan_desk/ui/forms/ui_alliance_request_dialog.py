# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_request_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AllianceRequestDialog(object):
    def setupUi(self, AllianceRequestDialog: Any) -> None:
        if not AllianceRequestDialog.objectName():
            AllianceRequestDialog.setObjectName(u"AllianceRequestDialog")
        AllianceRequestDialog.resize(560, 460)
        self.verticalLayout = QVBoxLayout(AllianceRequestDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberComboLabel = QLabel(AllianceRequestDialog)
        self.memberComboLabel.setObjectName(u"memberComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberComboLabel)

        self.memberCombo = QComboBox(AllianceRequestDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.brandEditLabel = QLabel(AllianceRequestDialog)
        self.brandEditLabel.setObjectName(u"brandEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.brandEditLabel)

        self.brandEdit = QLineEdit(AllianceRequestDialog)
        self.brandEdit.setObjectName(u"brandEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.brandEdit)

        self.productsEditLabel = QLabel(AllianceRequestDialog)
        self.productsEditLabel.setObjectName(u"productsEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productsEditLabel)

        self.productsEdit = QPlainTextEdit(AllianceRequestDialog)
        self.productsEdit.setObjectName(u"productsEdit")
        self.productsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productsEdit)

        self.placesEditLabel = QLabel(AllianceRequestDialog)
        self.placesEditLabel.setObjectName(u"placesEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placesEditLabel)

        self.placesEdit = QPlainTextEdit(AllianceRequestDialog)
        self.placesEdit.setObjectName(u"placesEdit")
        self.placesEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placesEdit)

        self.receivedEditLabel = QLabel(AllianceRequestDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = QDateEdit(AllianceRequestDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.evidenceListLabel = QLabel(AllianceRequestDialog)
        self.evidenceListLabel.setObjectName(u"evidenceListLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.evidenceListLabel)

        self.evidenceList = QListWidget(AllianceRequestDialog)
        self.evidenceList.setObjectName(u"evidenceList")
        self.evidenceList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.evidenceList)

        self.addEvidenceButtonLabel = QLabel(AllianceRequestDialog)
        self.addEvidenceButtonLabel.setObjectName(u"addEvidenceButtonLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addEvidenceButtonLabel)

        self.addEvidenceButton = QPushButton(AllianceRequestDialog)
        self.addEvidenceButton.setObjectName(u"addEvidenceButton")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addEvidenceButton)

        self.noteEditLabel = QLabel(AllianceRequestDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QLineEdit(AllianceRequestDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceRequestDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceRequestDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceRequestDialog)

        QMetaObject.connectSlotsByName(AllianceRequestDialog)
    # setupUi

    def retranslateUi(self, AllianceRequestDialog: Any) -> None:
        AllianceRequestDialog.setWindowTitle(QCoreApplication.translate("AllianceRequestDialog", u"\u53d7\u7406\u6253\u5047\u534f\u52a9\u8bf7\u6c42", None))
        self.memberComboLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u63d0\u51fa\u8bf7\u6c42\u7684\u6210\u5458", None))
        self.brandEditLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u54c1\u724c", None))
        self.productsEditLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u6d89\u5acc\u5047\u5192\u4ea7\u54c1", None))
        self.placesEditLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u6d89\u5acc\u5730\u70b9", None))
        self.receivedEditLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u53d7\u7406\u65e5\u671f", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("AllianceRequestDialog", u"yyyy-MM-dd", None))
        self.evidenceListLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u8bc1\u636e\u6750\u6599", None))
        self.addEvidenceButtonLabel.setText("")
        self.addEvidenceButton.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u6dfb\u52a0\u8bc1\u636e\u2026", None))
        self.noteEditLabel.setText(QCoreApplication.translate("AllianceRequestDialog", u"\u8bf4\u660e", None))
        self.errorLabel.setText("")
    # retranslateUi

