# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_finish_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AllianceFinishDialog(object):
    def setupUi(self, AllianceFinishDialog: Any) -> None:
        if not AllianceFinishDialog.objectName():
            AllianceFinishDialog.setObjectName(u"AllianceFinishDialog")
        AllianceFinishDialog.resize(480, 280)
        self.verticalLayout = QVBoxLayout(AllianceFinishDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.outcomeComboLabel = QLabel(AllianceFinishDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(AllianceFinishDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.atEditLabel = QLabel(AllianceFinishDialog)
        self.atEditLabel.setObjectName(u"atEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.atEditLabel)

        self.atEdit = QDateTimeEdit(AllianceFinishDialog)
        self.atEdit.setObjectName(u"atEdit")
        self.atEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.atEdit)

        self.resultEditLabel = QLabel(AllianceFinishDialog)
        self.resultEditLabel.setObjectName(u"resultEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resultEditLabel)

        self.resultEdit = QPlainTextEdit(AllianceFinishDialog)
        self.resultEdit.setObjectName(u"resultEdit")
        self.resultEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resultEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceFinishDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceFinishDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceFinishDialog)

        QMetaObject.connectSlotsByName(AllianceFinishDialog)
    # setupUi

    def retranslateUi(self, AllianceFinishDialog: Any) -> None:
        AllianceFinishDialog.setWindowTitle(QCoreApplication.translate("AllianceFinishDialog", u"\u529e\u7ed3", None))
        self.outcomeComboLabel.setText(QCoreApplication.translate("AllianceFinishDialog", u"\u7ed3\u679c", None))
        self.atEditLabel.setText(QCoreApplication.translate("AllianceFinishDialog", u"\u65f6\u95f4", None))
        self.atEdit.setDisplayFormat(QCoreApplication.translate("AllianceFinishDialog", u"yyyy-MM-dd HH:mm", None))
        self.resultEditLabel.setText(QCoreApplication.translate("AllianceFinishDialog", u"\u5904\u7406\u7ed3\u679c", None))
        self.errorLabel.setText("")
    # retranslateUi

