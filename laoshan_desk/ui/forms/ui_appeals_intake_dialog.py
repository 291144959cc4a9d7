# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appeals_intake_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_AppealIntakeDialog(object):
    def setupUi(self, AppealIntakeDialog: Any) -> None:
        if not AppealIntakeDialog.objectName():
            AppealIntakeDialog.setObjectName(u"AppealIntakeDialog")
        AppealIntakeDialog.resize(960, 640)
        self.mainLayout = QVBoxLayout(AppealIntakeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(AppealIntakeDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(AppealIntakeDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.channelLabel = QLabel(AppealIntakeDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(AppealIntakeDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.appellantLabel = QLabel(AppealIntakeDialog)
        self.appellantLabel.setObjectName(u"appellantLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.appellantLabel)

        self.appellantEdit = QLineEdit(AppealIntakeDialog)
        self.appellantEdit.setObjectName(u"appellantEdit")
        self.appellantEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.appellantEdit)

        self.phoneLabel = QLabel(AppealIntakeDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(AppealIntakeDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(32)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.enterpriseLabel = QLabel(AppealIntakeDialog)
        self.enterpriseLabel.setObjectName(u"enterpriseLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.enterpriseLabel)

        self.enterpriseEdit = QLineEdit(AppealIntakeDialog)
        self.enterpriseEdit.setObjectName(u"enterpriseEdit")
        self.enterpriseEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.enterpriseEdit)

        self.usccLabel = QLabel(AppealIntakeDialog)
        self.usccLabel.setObjectName(u"usccLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.usccLabel)

        self.usccEdit = QLineEdit(AppealIntakeDialog)
        self.usccEdit.setObjectName(u"usccEdit")
        self.usccEdit.setMaxLength(18)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.fastLaneCheck = QCheckBox(AppealIntakeDialog)
        self.fastLaneCheck.setObjectName(u"fastLaneCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fastLaneCheck)

        self.categoryLabel = QLabel(AppealIntakeDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(AppealIntakeDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setEditable(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.contentLabel = QLabel(AppealIntakeDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(AppealIntakeDialog)
        self.contentEdit.setObjectName(u"contentEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contentEdit)

        self.attachmentsLabel = QLabel(AppealIntakeDialog)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.attachmentsLabel)

        self.attachmentsRow = QHBoxLayout()
        self.attachmentsRow.setObjectName(u"attachmentsRow")
        self.attachmentsList = QListWidget(AppealIntakeDialog)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 70))

        self.attachmentsRow.addWidget(self.attachmentsList)

        self.addAttachmentButton = QPushButton(AppealIntakeDialog)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")

        self.attachmentsRow.addWidget(self.addAttachmentButton)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.attachmentsRow)


        self.columns.addLayout(self.formLayout)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.placeLabel = QLabel(AppealIntakeDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.rightColumn.addWidget(self.placeLabel)

        self.placeFilterEdit = QLineEdit(AppealIntakeDialog)
        self.placeFilterEdit.setObjectName(u"placeFilterEdit")

        self.rightColumn.addWidget(self.placeFilterEdit)

        self.placeTree = QTreeWidget(AppealIntakeDialog)
        self.placeTree.setObjectName(u"placeTree")
        self.placeTree.setHeaderHidden(True)

        self.rightColumn.addWidget(self.placeTree)

        self.placeChosenLabel = QLabel(AppealIntakeDialog)
        self.placeChosenLabel.setObjectName(u"placeChosenLabel")
        self.placeChosenLabel.setWordWrap(True)

        self.rightColumn.addWidget(self.placeChosenLabel)

        self.dupLabel = QLabel(AppealIntakeDialog)
        self.dupLabel.setObjectName(u"dupLabel")

        self.rightColumn.addWidget(self.dupLabel)

        self.dupList = QListWidget(AppealIntakeDialog)
        self.dupList.setObjectName(u"dupList")
        self.dupList.setMaximumSize(QSize(16777215, 110))

        self.rightColumn.addWidget(self.dupList)

        self.mergeCheck = QCheckBox(AppealIntakeDialog)
        self.mergeCheck.setObjectName(u"mergeCheck")

        self.rightColumn.addWidget(self.mergeCheck)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.errorLabel = QLabel(AppealIntakeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AppealIntakeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(AppealIntakeDialog)

        QMetaObject.connectSlotsByName(AppealIntakeDialog)
    # setupUi

    def retranslateUi(self, AppealIntakeDialog: Any) -> None:
        AppealIntakeDialog.setWindowTitle(QCoreApplication.translate("AppealIntakeDialog", u"\u53d7\u7406\u8bc9\u6c42", None))
        self.kindLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u7c7b\u578b", None))
        self.channelLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u6e20\u9053", None))
        self.appellantLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u4eba", None))
        self.appellantEdit.setPlaceholderText(QCoreApplication.translate("AppealIntakeDialog", u"\u533f\u540d\u53ef\u4e0d\u586b", None))
        self.phoneLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("AppealIntakeDialog", u"\u624b\u673a\u6216\u56fa\u8bdd\uff0c\u5982 0532-88888888", None))
        self.enterpriseLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u4f01\u4e1a\u540d\u79f0", None))
        self.enterpriseEdit.setPlaceholderText(QCoreApplication.translate("AppealIntakeDialog", u"\u53d1\u5c55\u8bc9\u6c42\u5fc5\u586b", None))
        self.usccLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.fastLaneCheck.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u4f01\u4e1a\u8bc9\u6c42\u76f4\u901a\u8f66\uff08\u4f18\u5148\u529e\u7406\uff09", None))
        self.categoryLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u5206\u7c7b", None))
        self.contentLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u5185\u5bb9", None))
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("AppealIntakeDialog", u"\u5199\u660e\u4e8b\u9879\u3001\u5730\u70b9\u548c\u8bc9\u6c42", None))
        self.attachmentsLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u9644\u4ef6", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u6dfb\u52a0\u2026", None))
        self.placeLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u8bc9\u6c42\u5730\u70b9\uff08\u8857\u9053 \u2192 \u793e\u533a\uff08\u6751\uff09\u2192 \u7f51\u683c\uff09", None))
        self.placeFilterEdit.setPlaceholderText(QCoreApplication.translate("AppealIntakeDialog", u"\u8f93\u5165\u793e\u533a\u540d\u79f0\u7b5b\u9009", None))
        ___qtreewidgetitem = self.placeTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("AppealIntakeDialog", u"\u5730\u70b9", None))
        self.placeChosenLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u672a\u9009\u62e9\u5730\u70b9", None))
        self.dupLabel.setText(QCoreApplication.translate("AppealIntakeDialog", u"7 \u65e5\u5185\u7591\u4f3c\u91cd\u590d\u8bc9\u6c42", None))
        self.mergeCheck.setText(QCoreApplication.translate("AppealIntakeDialog", u"\u5e76\u5165\u6240\u9009\u8bc9\u6c42\uff08\u5408\u5e76\uff09", None))
        self.errorLabel.setText("")
    # retranslateUi

