# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_move_node_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ApprovalsMoveNodeDialog(object):
    def setupUi(self, ApprovalsMoveNodeDialog: Any) -> None:
        if not ApprovalsMoveNodeDialog.objectName():
            ApprovalsMoveNodeDialog.setObjectName(u"ApprovalsMoveNodeDialog")
        ApprovalsMoveNodeDialog.resize(520, 320)
        self.verticalLayout = QVBoxLayout(ApprovalsMoveNodeDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.itemLabel = QLabel(ApprovalsMoveNodeDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.itemLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.dateLabel = QLabel(ApprovalsMoveNodeDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ApprovalsMoveNodeDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setMinimumDate(QDate(1949, 1, 1))
        self.dateEdit.setMaximumDate(QDate(2100, 12, 31))
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.byLabel = QLabel(ApprovalsMoveNodeDialog)
        self.byLabel.setObjectName(u"byLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byEdit = QLineEdit(ApprovalsMoveNodeDialog)
        self.byEdit.setObjectName(u"byEdit")
        self.byEdit.setMaxLength(50)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.byEdit)

        self.reasonLabel = QLabel(ApprovalsMoveNodeDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ApprovalsMoveNodeDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.previewLabel = QLabel(ApprovalsMoveNodeDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.previewLabel)

        self.errorLabel = QLabel(ApprovalsMoveNodeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApprovalsMoveNodeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsMoveNodeDialog)

        QMetaObject.connectSlotsByName(ApprovalsMoveNodeDialog)
    # setupUi

    def retranslateUi(self, ApprovalsMoveNodeDialog: Any) -> None:
        ApprovalsMoveNodeDialog.setWindowTitle(QCoreApplication.translate("ApprovalsMoveNodeDialog", u"\u8c03\u6574\u8282\u70b9", None))
        self.itemLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("ApprovalsMoveNodeDialog", u"\u65b0\u8282\u70b9\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsMoveNodeDialog", u"yyyy-MM-dd", None))
        self.byLabel.setText(QCoreApplication.translate("ApprovalsMoveNodeDialog", u"\u51b3\u5b9a\u4eba", None))
        self.reasonLabel.setText(QCoreApplication.translate("ApprovalsMoveNodeDialog", u"\u8c03\u6574\u539f\u56e0", None))
        self.previewLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

