# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appeals_dispatch_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_AppealDispatchDialog(object):
    def setupUi(self, AppealDispatchDialog: Any) -> None:
        if not AppealDispatchDialog.objectName():
            AppealDispatchDialog.setObjectName(u"AppealDispatchDialog")
        AppealDispatchDialog.resize(560, 380)
        self.mainLayout = QVBoxLayout(AppealDispatchDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.suggestionLabel = QLabel(AppealDispatchDialog)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setWordWrap(True)
        self.suggestionLabel.setStyleSheet(u"color: #1F4E79;")

        self.mainLayout.addWidget(self.suggestionLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.levelLabel = QLabel(AppealDispatchDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(AppealDispatchDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.unitLabel = QLabel(AppealDispatchDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(AppealDispatchDialog)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setEditable(True)
        self.unitCombo.setInsertPolicy(QComboBox.NoInsert)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.coLabel = QLabel(AppealDispatchDialog)
        self.coLabel.setObjectName(u"coLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coLabel)

        self.coList = QListWidget(AppealDispatchDialog)
        self.coList.setObjectName(u"coList")
        self.coList.setSelectionMode(QAbstractItemView.MultiSelection)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coList)

        self.noteLabel = QLabel(AppealDispatchDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(AppealDispatchDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AppealDispatchDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AppealDispatchDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(AppealDispatchDialog)

        QMetaObject.connectSlotsByName(AppealDispatchDialog)
    # setupUi

    def retranslateUi(self, AppealDispatchDialog: Any) -> None:
        AppealDispatchDialog.setWindowTitle(QCoreApplication.translate("AppealDispatchDialog", u"\u6d3e\u5355", None))
        self.suggestionLabel.setText("")
        self.levelLabel.setText(QCoreApplication.translate("AppealDispatchDialog", u"\u627f\u529e\u5c42\u7ea7", None))
        self.unitLabel.setText(QCoreApplication.translate("AppealDispatchDialog", u"\u627f\u529e\u5355\u4f4d", None))
        self.coLabel.setText(QCoreApplication.translate("AppealDispatchDialog", u"\u534f\u529e\u5355\u4f4d\uff08\u5439\u54e8\u62a5\u5230\uff09", None))
        self.noteLabel.setText(QCoreApplication.translate("AppealDispatchDialog", u"\u8bf4\u660e", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("AppealDispatchDialog", u"\u6539\u6d3e\u987b\u5199\u660e\u539f\u56e0", None))
        self.errorLabel.setText("")
    # retranslateUi

