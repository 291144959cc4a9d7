# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preservation_asset_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PreservationAssetDialog(object):
    def setupUi(self, PreservationAssetDialog: Any) -> None:
        if not PreservationAssetDialog.objectName():
            PreservationAssetDialog.setObjectName(u"PreservationAssetDialog")
        PreservationAssetDialog.resize(540, 450)
        self.verticalLayout = QVBoxLayout(PreservationAssetDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.typeComboLabel = QLabel(PreservationAssetDialog)
        self.typeComboLabel.setObjectName(u"typeComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeComboLabel)

        self.typeCombo = QComboBox(PreservationAssetDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.accountKindComboLabel = QLabel(PreservationAssetDialog)
        self.accountKindComboLabel.setObjectName(u"accountKindComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.accountKindComboLabel)

        self.accountKindCombo = QComboBox(PreservationAssetDialog)
        self.accountKindCombo.setObjectName(u"accountKindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accountKindCombo)

        self.descriptionEditLabel = QLabel(PreservationAssetDialog)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QLineEdit(PreservationAssetDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.institutionEditLabel = QLabel(PreservationAssetDialog)
        self.institutionEditLabel.setObjectName(u"institutionEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.institutionEditLabel)

        self.institutionEdit = QLineEdit(PreservationAssetDialog)
        self.institutionEdit.setObjectName(u"institutionEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.institutionEdit)

        self.numberEditLabel = QLabel(PreservationAssetDialog)
        self.numberEditLabel.setObjectName(u"numberEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.numberEditLabel)

        self.numberEdit = QLineEdit(PreservationAssetDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.valueEditLabel = QLabel(PreservationAssetDialog)
        self.valueEditLabel.setObjectName(u"valueEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.valueEditLabel)

        self.valueEdit = QLineEdit(PreservationAssetDialog)
        self.valueEdit.setObjectName(u"valueEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.valueEdit)

        self.operationalCheckLabel = QLabel(PreservationAssetDialog)
        self.operationalCheckLabel.setObjectName(u"operationalCheckLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.operationalCheckLabel)

        self.operationalCheck = QCheckBox(PreservationAssetDialog)
        self.operationalCheck.setObjectName(u"operationalCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.operationalCheck)

        self.protectedCheckLabel = QLabel(PreservationAssetDialog)
        self.protectedCheckLabel.setObjectName(u"protectedCheckLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.protectedCheckLabel)

        self.protectedCheck = QCheckBox(PreservationAssetDialog)
        self.protectedCheck.setObjectName(u"protectedCheck")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.protectedCheck)

        self.protectedReasonEditLabel = QLabel(PreservationAssetDialog)
        self.protectedReasonEditLabel.setObjectName(u"protectedReasonEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.protectedReasonEditLabel)

        self.protectedReasonEdit = QLineEdit(PreservationAssetDialog)
        self.protectedReasonEdit.setObjectName(u"protectedReasonEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.protectedReasonEdit)

        self.indivisibleCheckLabel = QLabel(PreservationAssetDialog)
        self.indivisibleCheckLabel.setObjectName(u"indivisibleCheckLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.indivisibleCheckLabel)

        self.indivisibleCheck = QCheckBox(PreservationAssetDialog)
        self.indivisibleCheck.setObjectName(u"indivisibleCheck")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.indivisibleCheck)

        self.disputedCheckLabel = QLabel(PreservationAssetDialog)
        self.disputedCheckLabel.setObjectName(u"disputedCheckLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.disputedCheckLabel)

        self.disputedCheck = QCheckBox(PreservationAssetDialog)
        self.disputedCheck.setObjectName(u"disputedCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.disputedCheck)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(PreservationAssetDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PreservationAssetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(PreservationAssetDialog)

        QMetaObject.connectSlotsByName(PreservationAssetDialog)
    # setupUi

    def retranslateUi(self, PreservationAssetDialog: Any) -> None:
        PreservationAssetDialog.setWindowTitle(QCoreApplication.translate("PreservationAssetDialog", u"\u767b\u8bb0\u88ab\u7533\u8bf7\u4eba\u8d22\u4ea7", None))
        self.typeComboLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u8d22\u4ea7\u7c7b\u578b", None))
        self.accountKindComboLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u8d26\u6237\u6027\u8d28", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u8d22\u4ea7\u540d\u79f0/\u8bf4\u660e", None))
        self.institutionEditLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u5f00\u6237\u884c/\u767b\u8bb0\u673a\u5173", None))
        self.numberEditLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u8d26\u53f7/\u7f16\u53f7", None))
        self.valueEditLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4f59\u989d\u6216\u4ef7\u503c\uff08\u5143\uff09", None))
        self.operationalCheckLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u7ecf\u8425\u4f7f\u7528", None))
        self.operationalCheck.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u7528\u4e8e\u751f\u4ea7\u7ecf\u8425", None))
        self.protectedCheckLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4e0d\u5f97\u4fdd\u5168", None))
        self.protectedCheck.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u6807\u8bb0\u4e3a\u4e0d\u5f97\u4fdd\u5168", None))
        self.protectedReasonEditLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4e0d\u5f97\u4fdd\u5168\u7684\u7406\u7531", None))
        self.indivisibleCheckLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4e0d\u53ef\u5206\u5272", None))
        self.indivisibleCheck.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4e0d\u52a8\u4ea7\u4f7f\u7528\u4e0a\u4e0d\u53ef\u5206\u6216\u5206\u5272\u4f1a\u4e25\u91cd\u51cf\u635f\u4ef7\u503c\uff08\u6574\u4f53\u67e5\u5c01\uff09", None))
        self.disputedCheckLabel.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u4e89\u8bae\u6807\u7684\u7269", None))
        self.disputedCheck.setText(QCoreApplication.translate("PreservationAssetDialog", u"\u672c\u8d22\u4ea7\u5373\u4e89\u8bae\u6807\u7684\u7269\uff08\u56e0\u62c5\u4fdd\u89e3\u9664\u4fdd\u5168\u987b\u7ecf\u7533\u8bf7\u4fdd\u5168\u4eba\u540c\u610f\uff09", None))
        self.errorLabel.setText("")
    # retranslateUi

