# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_followup_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AllianceFollowUpDialog(object):
    def setupUi(self, AllianceFollowUpDialog: Any) -> None:
        if not AllianceFollowUpDialog.objectName():
            AllianceFollowUpDialog.setObjectName(u"AllianceFollowUpDialog")
        AllianceFollowUpDialog.resize(460, 240)
        self.verticalLayout = QVBoxLayout(AllianceFollowUpDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.stepComboLabel = QLabel(AllianceFollowUpDialog)
        self.stepComboLabel.setObjectName(u"stepComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stepComboLabel)

        self.stepCombo = QComboBox(AllianceFollowUpDialog)
        self.stepCombo.setObjectName(u"stepCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stepCombo)

        self.onEditLabel = QLabel(AllianceFollowUpDialog)
        self.onEditLabel.setObjectName(u"onEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.onEditLabel)

        self.onEdit = QDateEdit(AllianceFollowUpDialog)
        self.onEdit.setObjectName(u"onEdit")
        self.onEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onEdit)

        self.noteEditLabel = QLabel(AllianceFollowUpDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(AllianceFollowUpDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceFollowUpDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceFollowUpDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceFollowUpDialog)

        QMetaObject.connectSlotsByName(AllianceFollowUpDialog)
    # setupUi

    def retranslateUi(self, AllianceFollowUpDialog: Any) -> None:
        AllianceFollowUpDialog.setWindowTitle(QCoreApplication.translate("AllianceFollowUpDialog", u"\u4e0d\u5408\u683c\u6279\u6b21\u5904\u7f6e", None))
        self.stepComboLabel.setText(QCoreApplication.translate("AllianceFollowUpDialog", u"\u5904\u7f6e\u6b65\u9aa4", None))
        self.onEditLabel.setText(QCoreApplication.translate("AllianceFollowUpDialog", u"\u65e5\u671f", None))
        self.onEdit.setDisplayFormat(QCoreApplication.translate("AllianceFollowUpDialog", u"yyyy-MM-dd", None))
        self.noteEditLabel.setText(QCoreApplication.translate("AllianceFollowUpDialog", u"\u8bf4\u660e", None))
        self.errorLabel.setText("")
    # retranslateUi

