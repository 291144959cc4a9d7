# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_result_dialog.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AllianceResultDialog(object):
    def setupUi(self, AllianceResultDialog: Any) -> None:
        if not AllianceResultDialog.objectName():
            AllianceResultDialog.setObjectName(u"AllianceResultDialog")
        AllianceResultDialog.resize(480, 300)
        self.verticalLayout = QVBoxLayout(AllianceResultDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.resultComboLabel = QLabel(AllianceResultDialog)
        self.resultComboLabel.setObjectName(u"resultComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resultComboLabel)

        self.resultCombo = QComboBox(AllianceResultDialog)
        self.resultCombo.setObjectName(u"resultCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.resultCombo)

        self.resultOnEditLabel = QLabel(AllianceResultDialog)
        self.resultOnEditLabel.setObjectName(u"resultOnEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.resultOnEditLabel)

        self.resultOnEdit = QDateEdit(AllianceResultDialog)
        self.resultOnEdit.setObjectName(u"resultOnEdit")
        self.resultOnEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.resultOnEdit)

        self.notifiedCheckLabel = QLabel(AllianceResultDialog)
        self.notifiedCheckLabel.setObjectName(u"notifiedCheckLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notifiedCheckLabel)

        self.notifiedCheck = QCheckBox(AllianceResultDialog)
        self.notifiedCheck.setObjectName(u"notifiedCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notifiedCheck)

        self.notifiedOnEditLabel = QLabel(AllianceResultDialog)
        self.notifiedOnEditLabel.setObjectName(u"notifiedOnEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notifiedOnEditLabel)

        self.notifiedOnEdit = QDateEdit(AllianceResultDialog)
        self.notifiedOnEdit.setObjectName(u"notifiedOnEdit")
        self.notifiedOnEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notifiedOnEdit)

        self.itemsEditLabel = QLabel(AllianceResultDialog)
        self.itemsEditLabel.setObjectName(u"itemsEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.itemsEditLabel)

        self.itemsEdit = QPlainTextEdit(AllianceResultDialog)
        self.itemsEdit.setObjectName(u"itemsEdit")
        self.itemsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.itemsEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceResultDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceResultDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceResultDialog)

        QMetaObject.connectSlotsByName(AllianceResultDialog)
    # setupUi

    def retranslateUi(self, AllianceResultDialog: Any) -> None:
        AllianceResultDialog.setWindowTitle(QCoreApplication.translate("AllianceResultDialog", u"\u767b\u8bb0\u68c0\u9a8c\u7ed3\u679c", None))
        self.resultComboLabel.setText(QCoreApplication.translate("AllianceResultDialog", u"\u68c0\u9a8c\u7ed3\u8bba", None))
        self.resultOnEditLabel.setText(QCoreApplication.translate("AllianceResultDialog", u"\u7ed3\u679c\u65e5\u671f", None))
        self.resultOnEdit.setDisplayFormat(QCoreApplication.translate("AllianceResultDialog", u"yyyy-MM-dd", None))
        self.notifiedCheckLabel.setText(QCoreApplication.translate("AllianceResultDialog", u"\u544a\u77e5\u4f01\u4e1a", None))
        self.notifiedCheck.setText(QCoreApplication.translate("AllianceResultDialog", u"\u5df2\u544a\u77e5\u4f01\u4e1a", None))
        self.notifiedOnEditLabel.setText(QCoreApplication.translate("AllianceResultDialog", u"\u544a\u77e5\u65e5\u671f", None))
        self.notifiedOnEdit.setDisplayFormat(QCoreApplication.translate("AllianceResultDialog", u"yyyy-MM-dd", None))
        self.itemsEditLabel.setText(QCoreApplication.translate("AllianceResultDialog", u"\u4e0d\u5408\u683c\u9879\u76ee", None))
        self.errorLabel.setText("")
    # retranslateUi

