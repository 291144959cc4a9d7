# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_FirstAdminDialog(object):
    def setupUi(self, FirstAdminDialog: Any) -> None:
        if not FirstAdminDialog.objectName():
            FirstAdminDialog.setObjectName(u"FirstAdminDialog")
        FirstAdminDialog.resize(460, 360)
        self.verticalLayout = QVBoxLayout(FirstAdminDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.introLabel = QLabel(FirstAdminDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.usernameLabel = QLabel(FirstAdminDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(FirstAdminDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(50)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.fullNameLabel = QLabel(FirstAdminDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(FirstAdminDialog)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(50)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.passwordLabel = QLabel(FirstAdminDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(FirstAdminDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatLabel = QLabel(FirstAdminDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(FirstAdminDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FirstAdminDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FirstAdminDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(FirstAdminDialog)

        QMetaObject.connectSlotsByName(FirstAdminDialog)
    # setupUi

    def retranslateUi(self, FirstAdminDialog: Any) -> None:
        FirstAdminDialog.setWindowTitle(QCoreApplication.translate("FirstAdminDialog", u"\u9996\u6b21\u8fd0\u884c \u2014 \u8bbe\u7f6e\u7cfb\u7edf\u7ba1\u7406\u5458", None))
        self.introLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"\u8fd9\u662f\u672c\u6570\u636e\u5e93\u7b2c\u4e00\u6b21\u4f7f\u7528\u3002\u8bf7\u8bbe\u7f6e\u7cfb\u7edf\u7ba1\u7406\u5458\u7684\u8d26\u6237\u548c\u5bc6\u7801\uff08\u7cfb\u7edf\u6ca1\u6709\u9ed8\u8ba4\u5bc6\u7801\uff09\u3002\u5bc6\u7801\u81f3\u5c11 8 \u4f4d\uff0c\u987b\u5305\u542b\u5b57\u6bcd\u548c\u6570\u5b57\u3002", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"\u7528\u6237\u540d", None))
        self.usernameEdit.setText(QCoreApplication.translate("FirstAdminDialog", u"admin", None))
        self.fullNameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"\u59d3\u540d", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"\u5bc6\u7801", None))
        self.repeatLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"\u518d\u6b21\u8f93\u5165\u5bc6\u7801", None))
        self.errorLabel.setText("")
    # retranslateUi

