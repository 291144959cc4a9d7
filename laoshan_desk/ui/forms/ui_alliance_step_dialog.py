# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_step_dialog.ui'
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

class Ui_AllianceStepDialog(object):
    def setupUi(self, AllianceStepDialog: Any) -> None:
        if not AllianceStepDialog.objectName():
            AllianceStepDialog.setObjectName(u"AllianceStepDialog")
        AllianceStepDialog.resize(520, 420)
        self.verticalLayout = QVBoxLayout(AllianceStepDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.stepComboLabel = QLabel(AllianceStepDialog)
        self.stepComboLabel.setObjectName(u"stepComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stepComboLabel)

        self.stepCombo = QComboBox(AllianceStepDialog)
        self.stepCombo.setObjectName(u"stepCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stepCombo)

        self.onEditLabel = QLabel(AllianceStepDialog)
        self.onEditLabel.setObjectName(u"onEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.onEditLabel)

        self.onEdit = QDateEdit(AllianceStepDialog)
        self.onEdit.setObjectName(u"onEdit")
        self.onEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onEdit)

        self.officersEditLabel = QLabel(AllianceStepDialog)
        self.officersEditLabel.setObjectName(u"officersEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officersEditLabel)

        self.officersEdit = QLineEdit(AllianceStepDialog)
        self.officersEdit.setObjectName(u"officersEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officersEdit)

        self.regionsEditLabel = QLabel(AllianceStepDialog)
        self.regionsEditLabel.setObjectName(u"regionsEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.regionsEditLabel)

        self.regionsEdit = QLineEdit(AllianceStepDialog)
        self.regionsEdit.setObjectName(u"regionsEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.regionsEdit)

        self.recipientEditLabel = QLabel(AllianceStepDialog)
        self.recipientEditLabel.setObjectName(u"recipientEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.recipientEditLabel)

        self.recipientEdit = QLineEdit(AllianceStepDialog)
        self.recipientEdit.setObjectName(u"recipientEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.recipientEdit)

        self.outcomeComboLabel = QLabel(AllianceStepDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.outcomeComboLabel)

        self.outcomeCombo = QComboBox(AllianceStepDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.evidenceListLabel = QLabel(AllianceStepDialog)
        self.evidenceListLabel.setObjectName(u"evidenceListLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.evidenceListLabel)

        self.evidenceList = QListWidget(AllianceStepDialog)
        self.evidenceList.setObjectName(u"evidenceList")
        self.evidenceList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.evidenceList)

        self.addEvidenceButtonLabel = QLabel(AllianceStepDialog)
        self.addEvidenceButtonLabel.setObjectName(u"addEvidenceButtonLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addEvidenceButtonLabel)

        self.addEvidenceButton = QPushButton(AllianceStepDialog)
        self.addEvidenceButton.setObjectName(u"addEvidenceButton")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addEvidenceButton)

        self.noteEditLabel = QLabel(AllianceStepDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(AllianceStepDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceStepDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceStepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceStepDialog)

        QMetaObject.connectSlotsByName(AllianceStepDialog)
    # setupUi

    def retranslateUi(self, AllianceStepDialog: Any) -> None:
        AllianceStepDialog.setWindowTitle(QCoreApplication.translate("AllianceStepDialog", u"\u767b\u8bb0\u529e\u7406\u6b65\u9aa4", None))
        self.stepComboLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u6b65\u9aa4", None))
        self.onEditLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u65e5\u671f", None))
        self.onEdit.setDisplayFormat(QCoreApplication.translate("AllianceStepDialog", u"yyyy-MM-dd", None))
        self.officersEditLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u6267\u6cd5\u4eba\u5458", None))
        self.regionsEditLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u524d\u5f80\u5730\u533a", None))
        self.recipientEditLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u534f\u67e5\u5355\u4f4d", None))
        self.outcomeComboLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u529e\u7ed3\u7ed3\u679c", None))
        self.evidenceListLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u8bc1\u636e\u6750\u6599", None))
        self.addEvidenceButtonLabel.setText("")
        self.addEvidenceButton.setText(QCoreApplication.translate("AllianceStepDialog", u"\u6dfb\u52a0\u8bc1\u636e\u2026", None))
        self.noteEditLabel.setText(QCoreApplication.translate("AllianceStepDialog", u"\u8bf4\u660e", None))
        self.errorLabel.setText("")
    # retranslateUi

