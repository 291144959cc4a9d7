# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_decision_dialog.ui'
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

class Ui_AllianceDecisionDialog(object):
    def setupUi(self, AllianceDecisionDialog: Any) -> None:
        if not AllianceDecisionDialog.objectName():
            AllianceDecisionDialog.setObjectName(u"AllianceDecisionDialog")
        AllianceDecisionDialog.resize(500, 300)
        self.verticalLayout = QVBoxLayout(AllianceDecisionDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.decisionComboLabel = QLabel(AllianceDecisionDialog)
        self.decisionComboLabel.setObjectName(u"decisionComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionComboLabel)

        self.decisionCombo = QComboBox(AllianceDecisionDialog)
        self.decisionCombo.setObjectName(u"decisionCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decisionCombo)

        self.decidedEditLabel = QLabel(AllianceDecisionDialog)
        self.decidedEditLabel.setObjectName(u"decidedEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decidedEditLabel)

        self.decidedEdit = QDateTimeEdit(AllianceDecisionDialog)
        self.decidedEdit.setObjectName(u"decidedEdit")
        self.decidedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decidedEdit)

        self.reasonComboLabel = QLabel(AllianceDecisionDialog)
        self.reasonComboLabel.setObjectName(u"reasonComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonComboLabel)

        self.reasonCombo = QComboBox(AllianceDecisionDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.noteEditLabel = QLabel(AllianceDecisionDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(AllianceDecisionDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceDecisionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceDecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceDecisionDialog)

        QMetaObject.connectSlotsByName(AllianceDecisionDialog)
    # setupUi

    def retranslateUi(self, AllianceDecisionDialog: Any) -> None:
        AllianceDecisionDialog.setWindowTitle(QCoreApplication.translate("AllianceDecisionDialog", u"\u4f5c\u51fa\u51b3\u5b9a", None))
        self.decisionComboLabel.setText(QCoreApplication.translate("AllianceDecisionDialog", u"\u51b3\u5b9a", None))
        self.decidedEditLabel.setText(QCoreApplication.translate("AllianceDecisionDialog", u"\u51b3\u5b9a\u65f6\u95f4", None))
        self.decidedEdit.setDisplayFormat(QCoreApplication.translate("AllianceDecisionDialog", u"yyyy-MM-dd HH:mm", None))
        self.reasonComboLabel.setText(QCoreApplication.translate("AllianceDecisionDialog", u"\u4e0d\u4e88\u53d7\u7406\u7406\u7531", None))
        self.noteEditLabel.setText(QCoreApplication.translate("AllianceDecisionDialog", u"\u8bf4\u660e", None))
        self.errorLabel.setText("")
    # retranslateUi

