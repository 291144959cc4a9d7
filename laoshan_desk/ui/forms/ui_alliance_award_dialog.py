# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_award_dialog.ui'
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
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_AllianceAwardDialog(object):
    def setupUi(self, AllianceAwardDialog: Any) -> None:
        if not AllianceAwardDialog.objectName():
            AllianceAwardDialog.setObjectName(u"AllianceAwardDialog")
        AllianceAwardDialog.resize(480, 300)
        self.verticalLayout = QVBoxLayout(AllianceAwardDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.enterpriseComboLabel = QLabel(AllianceAwardDialog)
        self.enterpriseComboLabel.setObjectName(u"enterpriseComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.enterpriseComboLabel)

        self.enterpriseCombo = QComboBox(AllianceAwardDialog)
        self.enterpriseCombo.setObjectName(u"enterpriseCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.enterpriseCombo)

        self.kindComboLabel = QLabel(AllianceAwardDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(AllianceAwardDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.yearSpinLabel = QLabel(AllianceAwardDialog)
        self.yearSpinLabel.setObjectName(u"yearSpinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearSpinLabel)

        self.yearSpin = QSpinBox(AllianceAwardDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMaximum(100000)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.amountEditLabel = QLabel(AllianceAwardDialog)
        self.amountEditLabel.setObjectName(u"amountEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amountEditLabel)

        self.amountEdit = QLineEdit(AllianceAwardDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.appliedEditLabel = QLabel(AllianceAwardDialog)
        self.appliedEditLabel.setObjectName(u"appliedEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.appliedEditLabel)

        self.appliedEdit = QDateEdit(AllianceAwardDialog)
        self.appliedEdit.setObjectName(u"appliedEdit")
        self.appliedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.appliedEdit)

        self.titleEditLabel = QLabel(AllianceAwardDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(AllianceAwardDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.titleEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceAwardDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceAwardDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceAwardDialog)

        QMetaObject.connectSlotsByName(AllianceAwardDialog)
    # setupUi

    def retranslateUi(self, AllianceAwardDialog: Any) -> None:
        AllianceAwardDialog.setWindowTitle(QCoreApplication.translate("AllianceAwardDialog", u"\u7533\u62a5\u5956\u52b1", None))
        self.enterpriseComboLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u4f01\u4e1a", None))
        self.kindComboLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u5956\u52b1\u7c7b\u522b", None))
        self.yearSpinLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u5956\u52b1\u5e74\u5ea6", None))
        self.amountEditLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u91d1\u989d\uff08\u5143\uff09", None))
        self.appliedEditLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u7533\u62a5\u65e5\u671f", None))
        self.appliedEdit.setDisplayFormat(QCoreApplication.translate("AllianceAwardDialog", u"yyyy-MM-dd", None))
        self.titleEditLabel.setText(QCoreApplication.translate("AllianceAwardDialog", u"\u5956\u9879\u540d\u79f0", None))
        self.errorLabel.setText("")
    # retranslateUi

