# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_verify_dialog.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ApprovalsVerifyDialog(object):
    def setupUi(self, ApprovalsVerifyDialog: Any) -> None:
        if not ApprovalsVerifyDialog.objectName():
            ApprovalsVerifyDialog.setObjectName(u"ApprovalsVerifyDialog")
        ApprovalsVerifyDialog.resize(520, 300)
        self.verticalLayout = QVBoxLayout(ApprovalsVerifyDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.hintLabel = QLabel(ApprovalsVerifyDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.hintLabel)

        self.codeLayout = QHBoxLayout()
        self.codeLayout.setObjectName(u"codeLayout")
        self.codeEdit = QLineEdit(ApprovalsVerifyDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.codeLayout.addWidget(self.codeEdit)

        self.verifyButton = QPushButton(ApprovalsVerifyDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.codeLayout.addWidget(self.verifyButton)


        self.verticalLayout.addLayout(self.codeLayout)

        self.verdictLabel = QLabel(ApprovalsVerifyDialog)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.verdictLabel)

        self.detailLabel = QLabel(ApprovalsVerifyDialog)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.verticalLayout.addWidget(self.detailLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(ApprovalsVerifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsVerifyDialog)

        self.verifyButton.setDefault(True)


        QMetaObject.connectSlotsByName(ApprovalsVerifyDialog)
    # setupUi

    def retranslateUi(self, ApprovalsVerifyDialog: Any) -> None:
        ApprovalsVerifyDialog.setWindowTitle(QCoreApplication.translate("ApprovalsVerifyDialog", u"\u6838\u9a8c\u8bc1\u7167", None))
        self.hintLabel.setText(QCoreApplication.translate("ApprovalsVerifyDialog", u"\u8f93\u5165\u8bc1\u7167\u4e0a\u5370\u5236\u7684\u6838\u9a8c\u7801\uff08\u6216\u626b\u63cf\u4e8c\u7ef4\u7801\u5f97\u5230\u7684\u5185\u5bb9\uff09\uff0c\u67e5\u9a8c\u8bc1\u7167\u662f\u5426\u7531\u672c\u7cfb\u7edf\u51fa\u5177\u4e14\u73b0\u884c\u6709\u6548\u3002", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ApprovalsVerifyDialog", u"ABCD-EFGH-JKMN", None))
        self.verifyButton.setText(QCoreApplication.translate("ApprovalsVerifyDialog", u"\u6838\u9a8c", None))
        self.verdictLabel.setText("")
        self.detailLabel.setText("")
    # retranslateUi

