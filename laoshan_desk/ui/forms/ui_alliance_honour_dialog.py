# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_honour_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_AllianceHonourDialog(object):
    def setupUi(self, AllianceHonourDialog: Any) -> None:
        if not AllianceHonourDialog.objectName():
            AllianceHonourDialog.setObjectName(u"AllianceHonourDialog")
        AllianceHonourDialog.resize(440, 220)
        self.verticalLayout = QVBoxLayout(AllianceHonourDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.levelComboLabel = QLabel(AllianceHonourDialog)
        self.levelComboLabel.setObjectName(u"levelComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelComboLabel)

        self.levelCombo = QComboBox(AllianceHonourDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.titleEditLabel = QLabel(AllianceHonourDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(AllianceHonourDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.yearSpinLabel = QLabel(AllianceHonourDialog)
        self.yearSpinLabel.setObjectName(u"yearSpinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearSpinLabel)

        self.yearSpin = QSpinBox(AllianceHonourDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMaximum(100000)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearSpin)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceHonourDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceHonourDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceHonourDialog)

        QMetaObject.connectSlotsByName(AllianceHonourDialog)
    # setupUi

    def retranslateUi(self, AllianceHonourDialog: Any) -> None:
        AllianceHonourDialog.setWindowTitle(QCoreApplication.translate("AllianceHonourDialog", u"\u767b\u8bb0\u8363\u8a89", None))
        self.levelComboLabel.setText(QCoreApplication.translate("AllianceHonourDialog", u"\u8363\u8a89\u7b49\u7ea7", None))
        self.titleEditLabel.setText(QCoreApplication.translate("AllianceHonourDialog", u"\u54c1\u724c\u6216\u4ea7\u54c1", None))
        self.yearSpinLabel.setText(QCoreApplication.translate("AllianceHonourDialog", u"\u5e74\u4efd", None))
        self.errorLabel.setText("")
    # retranslateUi

