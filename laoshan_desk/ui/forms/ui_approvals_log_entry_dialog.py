# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_log_entry_dialog.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ApprovalsLogEntryDialog(object):
    def setupUi(self, ApprovalsLogEntryDialog: Any) -> None:
        if not ApprovalsLogEntryDialog.objectName():
            ApprovalsLogEntryDialog.setObjectName(u"ApprovalsLogEntryDialog")
        ApprovalsLogEntryDialog.resize(520, 360)
        self.verticalLayout = QVBoxLayout(ApprovalsLogEntryDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(ApprovalsLogEntryDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ApprovalsLogEntryDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(ApprovalsLogEntryDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ApprovalsLogEntryDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setMinimumDate(QDate(1949, 1, 1))
        self.dateEdit.setMaximumDate(QDate(2100, 12, 31))
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.titleLabel = QLabel(ApprovalsLogEntryDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ApprovalsLogEntryDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.detailLabel = QLabel(ApprovalsLogEntryDialog)
        self.detailLabel.setObjectName(u"detailLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.detailLabel)

        self.detailEdit = QPlainTextEdit(ApprovalsLogEntryDialog)
        self.detailEdit.setObjectName(u"detailEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.detailEdit)

        self.ownerLabel = QLabel(ApprovalsLogEntryDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(ApprovalsLogEntryDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")
        self.ownerEdit.setMaxLength(50)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.departmentLabel = QLabel(ApprovalsLogEntryDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(ApprovalsLogEntryDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.solvedCheck = QCheckBox(ApprovalsLogEntryDialog)
        self.solvedCheck.setObjectName(u"solvedCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.solvedCheck)

        self.solvedEdit = QDateEdit(ApprovalsLogEntryDialog)
        self.solvedEdit.setObjectName(u"solvedEdit")
        self.solvedEdit.setMinimumDate(QDate(1949, 1, 1))
        self.solvedEdit.setMaximumDate(QDate(2100, 12, 31))
        self.solvedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.solvedEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ApprovalsLogEntryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApprovalsLogEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsLogEntryDialog)

        QMetaObject.connectSlotsByName(ApprovalsLogEntryDialog)
    # setupUi

    def retranslateUi(self, ApprovalsLogEntryDialog: Any) -> None:
        ApprovalsLogEntryDialog.setWindowTitle(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u4e13\u73ed\u53f0\u8d26", None))
        self.kindLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u7c7b\u578b", None))
        self.dateLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsLogEntryDialog", u"yyyy-MM-dd", None))
        self.titleLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u540d\u79f0 / \u5730\u70b9 / \u95ee\u9898", None))
        self.detailLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u5185\u5bb9", None))
        self.ownerLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u8d23\u4efb\u4eba", None))
        self.departmentLabel.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u76f8\u5173\u90e8\u95e8", None))
        self.solvedCheck.setText(QCoreApplication.translate("ApprovalsLogEntryDialog", u"\u5df2\u89e3\u51b3", None))
        self.solvedEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsLogEntryDialog", u"yyyy-MM-dd", None))
        self.errorLabel.setText("")
    # retranslateUi

