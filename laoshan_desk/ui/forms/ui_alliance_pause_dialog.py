# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_pause_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AlliancePauseDialog(object):
    def setupUi(self, AlliancePauseDialog: Any) -> None:
        if not AlliancePauseDialog.objectName():
            AlliancePauseDialog.setObjectName(u"AlliancePauseDialog")
        AlliancePauseDialog.resize(460, 240)
        self.verticalLayout = QVBoxLayout(AlliancePauseDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reasonEditLabel = QLabel(AlliancePauseDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QLineEdit(AlliancePauseDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.startEditLabel = QLabel(AlliancePauseDialog)
        self.startEditLabel.setObjectName(u"startEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startEditLabel)

        self.startEdit = QDateEdit(AlliancePauseDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endedCheckLabel = QLabel(AlliancePauseDialog)
        self.endedCheckLabel.setObjectName(u"endedCheckLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endedCheckLabel)

        self.endedCheck = QCheckBox(AlliancePauseDialog)
        self.endedCheck.setObjectName(u"endedCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.endedCheck)

        self.endEditLabel = QLabel(AlliancePauseDialog)
        self.endEditLabel.setObjectName(u"endEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endEditLabel)

        self.endEdit = QDateEdit(AlliancePauseDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AlliancePauseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AlliancePauseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AlliancePauseDialog)

        QMetaObject.connectSlotsByName(AlliancePauseDialog)
    # setupUi

    def retranslateUi(self, AlliancePauseDialog: Any) -> None:
        AlliancePauseDialog.setWindowTitle(QCoreApplication.translate("AlliancePauseDialog", u"\u68c0\u6d4b\u9274\u5b9a\uff08\u4e0d\u8ba1\u5165\u671f\u9650\uff09", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("AlliancePauseDialog", u"\u68c0\u6d4b\u9274\u5b9a\u4e8b\u9879", None))
        self.startEditLabel.setText(QCoreApplication.translate("AlliancePauseDialog", u"\u5f00\u59cb\u65e5\u671f", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("AlliancePauseDialog", u"yyyy-MM-dd", None))
        self.endedCheckLabel.setText(QCoreApplication.translate("AlliancePauseDialog", u"\u5df2\u7ed3\u675f", None))
        self.endedCheck.setText(QCoreApplication.translate("AlliancePauseDialog", u"\u68c0\u6d4b\u9274\u5b9a\u5df2\u7ed3\u675f", None))
        self.endEditLabel.setText(QCoreApplication.translate("AlliancePauseDialog", u"\u7ed3\u675f\u65e5\u671f", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("AlliancePauseDialog", u"yyyy-MM-dd", None))
        self.errorLabel.setText("")
    # retranslateUi

