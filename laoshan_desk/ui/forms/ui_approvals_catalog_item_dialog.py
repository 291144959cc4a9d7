# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvals_catalog_item_dialog.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ApprovalsCatalogItemDialog(object):
    def setupUi(self, ApprovalsCatalogItemDialog: Any) -> None:
        if not ApprovalsCatalogItemDialog.objectName():
            ApprovalsCatalogItemDialog.setObjectName(u"ApprovalsCatalogItemDialog")
        ApprovalsCatalogItemDialog.resize(640, 560)
        self.verticalLayout = QVBoxLayout(ApprovalsCatalogItemDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.codeLabel = QLabel(ApprovalsCatalogItemDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(16)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(ApprovalsCatalogItemDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.departmentLabel = QLabel(ApprovalsCatalogItemDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(ApprovalsCatalogItemDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")
        self.departmentCombo.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.stageLabel = QLabel(ApprovalsCatalogItemDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.stageEdit.setObjectName(u"stageEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stageEdit)

        self.statutoryLabel = QLabel(ApprovalsCatalogItemDialog)
        self.statutoryLabel.setObjectName(u"statutoryLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statutoryLabel)

        self.statutoryLayout = QHBoxLayout()
        self.statutoryLayout.setObjectName(u"statutoryLayout")
        self.statutorySpin = QSpinBox(ApprovalsCatalogItemDialog)
        self.statutorySpin.setObjectName(u"statutorySpin")
        self.statutorySpin.setMinimum(0)
        self.statutorySpin.setMaximum(365)

        self.statutoryLayout.addWidget(self.statutorySpin)

        self.limitKindCombo = QComboBox(ApprovalsCatalogItemDialog)
        self.limitKindCombo.setObjectName(u"limitKindCombo")

        self.statutoryLayout.addWidget(self.limitKindCombo)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.statutoryLayout)

        self.committedLabel = QLabel(ApprovalsCatalogItemDialog)
        self.committedLabel.setObjectName(u"committedLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.committedLabel)

        self.committedSpin = QSpinBox(ApprovalsCatalogItemDialog)
        self.committedSpin.setObjectName(u"committedSpin")
        self.committedSpin.setMinimum(1)
        self.committedSpin.setMaximum(365)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.committedSpin)

        self.materialsLabel = QLabel(ApprovalsCatalogItemDialog)
        self.materialsLabel.setObjectName(u"materialsLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.materialsLabel)

        self.materialsEdit = QPlainTextEdit(ApprovalsCatalogItemDialog)
        self.materialsEdit.setObjectName(u"materialsEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.materialsEdit)

        self.basisLabel = QLabel(ApprovalsCatalogItemDialog)
        self.basisLabel.setObjectName(u"basisLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.basisLabel)

        self.basisEdit = QPlainTextEdit(ApprovalsCatalogItemDialog)
        self.basisEdit.setObjectName(u"basisEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.basisEdit)

        self.prereqLabel = QLabel(ApprovalsCatalogItemDialog)
        self.prereqLabel.setObjectName(u"prereqLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.prereqLabel)

        self.prereqEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.prereqEdit.setObjectName(u"prereqEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.prereqEdit)

        self.certificateLabel = QLabel(ApprovalsCatalogItemDialog)
        self.certificateLabel.setObjectName(u"certificateLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.certificateLabel)

        self.certificateEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.certificateEdit.setObjectName(u"certificateEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.certificateEdit)

        self.feeLabel = QLabel(ApprovalsCatalogItemDialog)
        self.feeLabel.setObjectName(u"feeLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.feeLabel)

        self.feeEdit = QLineEdit(ApprovalsCatalogItemDialog)
        self.feeEdit.setObjectName(u"feeEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.feeEdit)

        self.preReviewCheck = QCheckBox(ApprovalsCatalogItemDialog)
        self.preReviewCheck.setObjectName(u"preReviewCheck")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.preReviewCheck)

        self.inspectionCheck = QCheckBox(ApprovalsCatalogItemDialog)
        self.inspectionCheck.setObjectName(u"inspectionCheck")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.inspectionCheck)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ApprovalsCatalogItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApprovalsCatalogItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ApprovalsCatalogItemDialog)

        QMetaObject.connectSlotsByName(ApprovalsCatalogItemDialog)
    # setupUi

    def retranslateUi(self, ApprovalsCatalogItemDialog: Any) -> None:
        ApprovalsCatalogItemDialog.setWindowTitle(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u4e8b\u9879\u5e93\u4e8b\u9879", None))
        self.codeLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u4e8b\u9879\u7f16\u7801", None))
        self.nameLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u4e8b\u9879\u540d\u79f0", None))
        self.departmentLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u5b9e\u65bd\u90e8\u95e8", None))
        self.stageLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u9636\u6bb5", None))
        self.statutoryLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u6cd5\u5b9a\u65f6\u9650", None))
        self.statutorySpin.setSpecialValueText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u65e0\u6cd5\u5b9a\u65f6\u9650", None))
        self.committedLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u627f\u8bfa\u65f6\u9650\uff08\u5de5\u4f5c\u65e5\uff09", None))
        self.materialsLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u7533\u8bf7\u6750\u6599\uff08\u6bcf\u884c\u4e00\u9879\uff09", None))
        self.basisLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u8bbe\u5b9a\u4f9d\u636e\uff08\u6bcf\u884c\u4e00\u9879\uff09", None))
        self.prereqLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u524d\u7f6e\u4e8b\u9879\u7f16\u7801", None))
        self.prereqEdit.setPlaceholderText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u5982 SP001\uff1bSP023", None))
        self.certificateLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u9881\u53d1\u8bc1\u7167", None))
        self.feeLabel.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u6536\u8d39\uff08\u5143\uff09", None))
        self.preReviewCheck.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u6750\u6599\u9884\u5ba1", None))
        self.inspectionCheck.setText(QCoreApplication.translate("ApprovalsCatalogItemDialog", u"\u73b0\u573a\u8e0f\u52d8/\u9a8c\u6536", None))
        self.errorLabel.setText("")
    # retranslateUi

