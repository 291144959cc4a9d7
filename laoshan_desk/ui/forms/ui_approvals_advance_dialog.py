# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_advance_dialog.ui'
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ApprovalsAdvanceDialog(object):
    def setupUi(self, ApprovalsAdvanceDialog: Any) -> None:
        if not ApprovalsAdvanceDialog.objectName():
            ApprovalsAdvanceDialog.setObjectName(u"ApprovalsAdvanceDialog")
        ApprovalsAdvanceDialog.resize(460, 260)
        self.verticalLayout = QVBoxLayout(ApprovalsAdvanceDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.itemLabel = QLabel(ApprovalsAdvanceDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.itemLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.statusLabel = QLabel(ApprovalsAdvanceDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ApprovalsAdvanceDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.dateLabel = QLabel(ApprovalsAdvanceDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(ApprovalsAdvanceDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setMinimumDate(QDate(1949, 1, 1))
        self.dateEdit.setMaximumDate(QDate(2100, 12, 31))
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.byLabel = QLabel(ApprovalsAdvanceDialog)
        self.byLabel.setObjectName(u"byLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byEdit = QLineEdit(ApprovalsAdvanceDialog)
        self.byEdit.setObjectName(u"byEdit")
        self.byEdit.setMaxLength(50)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.byEdit)

        self.noteLabel = QLabel(ApprovalsAdvanceDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(ApprovalsAdvanceDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(300)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ApprovalsAdvanceDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApprovalsAdvanceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsAdvanceDialog)

        QMetaObject.connectSlotsByName(ApprovalsAdvanceDialog)
    # setupUi

    def retranslateUi(self, ApprovalsAdvanceDialog: Any) -> None:
        ApprovalsAdvanceDialog.setWindowTitle(QCoreApplication.translate("ApprovalsAdvanceDialog", u"\u63a8\u8fdb\u529e\u7406 / \u9500\u53f7", None))
        self.itemLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("ApprovalsAdvanceDialog", u"\u53d8\u66f4\u4e3a", None))
        self.dateLabel.setText(QCoreApplication.translate("ApprovalsAdvanceDialog", u"\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsAdvanceDialog", u"yyyy-MM-dd", None))
        self.byLabel.setText(QCoreApplication.translate("ApprovalsAdvanceDialog", u"\u7ecf\u529e\u4eba", None))
        self.noteLabel.setText(QCoreApplication.translate("ApprovalsAdvanceDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi

