# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_project_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ApprovalsProjectDialog(object):
    def setupUi(self, ApprovalsProjectDialog: Any) -> None:
        if not ApprovalsProjectDialog.objectName():
            ApprovalsProjectDialog.setObjectName(u"ApprovalsProjectDialog")
        ApprovalsProjectDialog.resize(1100, 760)
        self.verticalLayout = QVBoxLayout(ApprovalsProjectDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.projectGroup = QGroupBox(ApprovalsProjectDialog)
        self.projectGroup.setObjectName(u"projectGroup")
        self.formLayout = QFormLayout(self.projectGroup)
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(self.projectGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.projectGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.enterpriseLabel = QLabel(self.projectGroup)
        self.enterpriseLabel.setObjectName(u"enterpriseLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.enterpriseLabel)

        self.enterpriseEdit = QLineEdit(self.projectGroup)
        self.enterpriseEdit.setObjectName(u"enterpriseEdit")
        self.enterpriseEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.enterpriseEdit)

        self.creditCodeLabel = QLabel(self.projectGroup)
        self.creditCodeLabel.setObjectName(u"creditCodeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.creditCodeLabel)

        self.creditCodeEdit = QLineEdit(self.projectGroup)
        self.creditCodeEdit.setObjectName(u"creditCodeEdit")
        self.creditCodeEdit.setMaxLength(24)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.creditCodeEdit)

        self.contactLabel = QLabel(self.projectGroup)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(self.projectGroup)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(50)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.phoneLabel = QLabel(self.projectGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.projectGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(32)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.topLayout.addWidget(self.projectGroup)

        self.planGroup = QGroupBox(ApprovalsProjectDialog)
        self.planGroup.setObjectName(u"planGroup")
        self.formLayout2 = QFormLayout(self.planGroup)
        self.formLayout2.setObjectName(u"formLayout2")
        self.streetLabel = QLabel(self.planGroup)
        self.streetLabel.setObjectName(u"streetLabel")

        self.formLayout2.setWidget(0, QFormLayout.ItemRole.LabelRole, self.streetLabel)

        self.streetCombo = QComboBox(self.planGroup)
        self.streetCombo.setObjectName(u"streetCombo")

        self.formLayout2.setWidget(0, QFormLayout.ItemRole.FieldRole, self.streetCombo)

        self.addressLabel = QLabel(self.planGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout2.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.planGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.formLayout2.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.typeLabel = QLabel(self.planGroup)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout2.setWidget(2, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.planGroup)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout2.setWidget(2, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.startLabel = QLabel(self.planGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout2.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateEdit(self.planGroup)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setMinimumDate(QDate(1949, 1, 1))
        self.startEdit.setMaximumDate(QDate(2100, 12, 31))
        self.startEdit.setCalendarPopup(True)

        self.formLayout2.setWidget(3, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.targetLabel = QLabel(self.planGroup)
        self.targetLabel.setObjectName(u"targetLabel")

        self.formLayout2.setWidget(4, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QDateEdit(self.planGroup)
        self.targetEdit.setObjectName(u"targetEdit")
        self.targetEdit.setMinimumDate(QDate(1949, 1, 1))
        self.targetEdit.setMaximumDate(QDate(2100, 12, 31))
        self.targetEdit.setCalendarPopup(True)

        self.formLayout2.setWidget(4, QFormLayout.ItemRole.FieldRole, self.targetEdit)


        self.topLayout.addWidget(self.planGroup)


        self.verticalLayout.addLayout(self.topLayout)

        self.menuBar = QHBoxLayout()
        self.menuBar.setObjectName(u"menuBar")
        self.menuLabel = QLabel(ApprovalsProjectDialog)
        self.menuLabel.setObjectName(u"menuLabel")

        self.menuBar.addWidget(self.menuLabel)

        self.menuSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.menuBar.addItem(self.menuSpacer)

        self.addCombo = QComboBox(ApprovalsProjectDialog)
        self.addCombo.setObjectName(u"addCombo")
        self.addCombo.setMinimumWidth(320)

        self.menuBar.addWidget(self.addCombo)

        self.addButton = QPushButton(ApprovalsProjectDialog)
        self.addButton.setObjectName(u"addButton")

        self.menuBar.addWidget(self.addButton)

        self.removeButton = QPushButton(ApprovalsProjectDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.menuBar.addWidget(self.removeButton)


        self.verticalLayout.addLayout(self.menuBar)

        self.itemsTable = QTableView(ApprovalsProjectDialog)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.itemsTable.setAlternatingRowColors(True)

        self.verticalLayout.addWidget(self.itemsTable)

        self.summaryLabel = QLabel(ApprovalsProjectDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.verticalLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(ApprovalsProjectDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApprovalsProjectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsProjectDialog)

        QMetaObject.connectSlotsByName(ApprovalsProjectDialog)
    # setupUi

    def retranslateUi(self, ApprovalsProjectDialog: Any) -> None:
        ApprovalsProjectDialog.setWindowTitle(QCoreApplication.translate("ApprovalsProjectDialog", u"\u65b0\u5efa\u9879\u76ee \u2014 \u70b9\u83dc\u5355", None))
        self.projectGroup.setTitle(QCoreApplication.translate("ApprovalsProjectDialog", u"\u9879\u76ee\u4e0e\u4f01\u4e1a", None))
        self.nameLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u9879\u76ee\u540d\u79f0", None))
        self.enterpriseLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u4f01\u4e1a\u540d\u79f0", None))
        self.creditCodeLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.creditCodeEdit.setPlaceholderText(QCoreApplication.translate("ApprovalsProjectDialog", u"18\u4f4d\uff0c\u5982 91999999MA0LKC0014\uff08\u793a\u4f8b\uff09", None))
        self.contactLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u8054\u7cfb\u4eba", None))
        self.phoneLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.planGroup.setTitle(QCoreApplication.translate("ApprovalsProjectDialog", u"\u5730\u70b9\u4e0e\u5de5\u671f", None))
        self.streetLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u6240\u5728\u8857\u9053", None))
        self.addressLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u5730\u5740", None))
        self.typeLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u9879\u76ee\u7c7b\u578b\uff08\u70b9\u83dc\u5355\uff09", None))
        self.startLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u5f00\u59cb\u65e5\u671f", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsProjectDialog", u"yyyy-MM-dd", None))
        self.targetLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u76ee\u6807\u5f00\u4e1a\u65e5\u671f", None))
        self.targetEdit.setDisplayFormat(QCoreApplication.translate("ApprovalsProjectDialog", u"yyyy-MM-dd", None))
        self.menuLabel.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u70b9\u83dc\u5355\uff1a\u52fe\u9009\u672c\u9879\u76ee\u6d89\u53ca\u7684\u4e8b\u9879\uff0c\u5e76\u9010\u9879\u5206\u7c7b\uff08\u5fc5\u529e / \u4f01\u4e1a\u81ea\u529e / \u65e0\u9700\u529e\u7406\uff09\u3001\u586b\u5199\u7406\u7531", None))
        self.addButton.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u52a0\u70b9\u4e8b\u9879", None))
        self.removeButton.setText(QCoreApplication.translate("ApprovalsProjectDialog", u"\u5220\u9664\u6240\u9009", None))
        self.summaryLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

