# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_batch_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AllianceBatchDialog(object):
    def setupUi(self, AllianceBatchDialog: Any) -> None:
        if not AllianceBatchDialog.objectName():
            AllianceBatchDialog.setObjectName(u"AllianceBatchDialog")
        AllianceBatchDialog.resize(560, 470)
        self.verticalLayout = QVBoxLayout(AllianceBatchDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.enterpriseEditLabel = QLabel(AllianceBatchDialog)
        self.enterpriseEditLabel.setObjectName(u"enterpriseEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.enterpriseEditLabel)

        self.enterpriseEdit = QLineEdit(AllianceBatchDialog)
        self.enterpriseEdit.setObjectName(u"enterpriseEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.enterpriseEdit)

        self.usccEditLabel = QLabel(AllianceBatchDialog)
        self.usccEditLabel.setObjectName(u"usccEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usccEditLabel)

        self.usccEdit = QLineEdit(AllianceBatchDialog)
        self.usccEdit.setObjectName(u"usccEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.productComboLabel = QLabel(AllianceBatchDialog)
        self.productComboLabel.setObjectName(u"productComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productComboLabel)

        self.productCombo = QComboBox(AllianceBatchDialog)
        self.productCombo.setObjectName(u"productCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productCombo)

        self.productNameEditLabel = QLabel(AllianceBatchDialog)
        self.productNameEditLabel.setObjectName(u"productNameEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.productNameEditLabel)

        self.productNameEdit = QLineEdit(AllianceBatchDialog)
        self.productNameEdit.setObjectName(u"productNameEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.productNameEdit)

        self.batchNumberEditLabel = QLabel(AllianceBatchDialog)
        self.batchNumberEditLabel.setObjectName(u"batchNumberEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.batchNumberEditLabel)

        self.batchNumberEdit = QLineEdit(AllianceBatchDialog)
        self.batchNumberEdit.setObjectName(u"batchNumberEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.batchNumberEdit)

        self.sampledEditLabel = QLabel(AllianceBatchDialog)
        self.sampledEditLabel.setObjectName(u"sampledEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sampledEditLabel)

        self.sampledEdit = QDateEdit(AllianceBatchDialog)
        self.sampledEdit.setObjectName(u"sampledEdit")
        self.sampledEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sampledEdit)

        self.labEditLabel = QLabel(AllianceBatchDialog)
        self.labEditLabel.setObjectName(u"labEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.labEditLabel)

        self.labEdit = QLineEdit(AllianceBatchDialog)
        self.labEdit.setObjectName(u"labEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.labEdit)

        self.levelComboLabel = QLabel(AllianceBatchDialog)
        self.levelComboLabel.setObjectName(u"levelComboLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.levelComboLabel)

        self.levelCombo = QComboBox(AllianceBatchDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.feeEditLabel = QLabel(AllianceBatchDialog)
        self.feeEditLabel.setObjectName(u"feeEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.feeEditLabel)

        self.feeEdit = QLineEdit(AllianceBatchDialog)
        self.feeEdit.setObjectName(u"feeEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.feeEdit)

        self.planComboLabel = QLabel(AllianceBatchDialog)
        self.planComboLabel.setObjectName(u"planComboLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.planComboLabel)

        self.planCombo = QComboBox(AllianceBatchDialog)
        self.planCombo.setObjectName(u"planCombo")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.confirmRepeatCheckLabel = QLabel(AllianceBatchDialog)
        self.confirmRepeatCheckLabel.setObjectName(u"confirmRepeatCheckLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.confirmRepeatCheckLabel)

        self.confirmRepeatCheck = QCheckBox(AllianceBatchDialog)
        self.confirmRepeatCheck.setObjectName(u"confirmRepeatCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.confirmRepeatCheck)


        self.verticalLayout.addLayout(self.formLayout)

        self.warningLabel = QLabel(AllianceBatchDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setStyleSheet(u"color: #B35C00;")

        self.verticalLayout.addWidget(self.warningLabel)

        self.errorLabel = QLabel(AllianceBatchDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceBatchDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceBatchDialog)

        QMetaObject.connectSlotsByName(AllianceBatchDialog)
    # setupUi

    def retranslateUi(self, AllianceBatchDialog: Any) -> None:
        AllianceBatchDialog.setWindowTitle(QCoreApplication.translate("AllianceBatchDialog", u"\u767b\u8bb0\u62bd\u68c0\u6279\u6b21", None))
        self.enterpriseEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u88ab\u62bd\u68c0\u4f01\u4e1a", None))
        self.usccEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.productComboLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u4ea7\u54c1\u7c7b\u522b", None))
        self.productNameEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u4ea7\u54c1\u540d\u79f0", None))
        self.batchNumberEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u6279\u6b21\u7f16\u53f7", None))
        self.sampledEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u62bd\u6837\u65e5\u671f", None))
        self.sampledEdit.setDisplayFormat(QCoreApplication.translate("AllianceBatchDialog", u"yyyy-MM-dd", None))
        self.labEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u68c0\u9a8c\u673a\u6784", None))
        self.levelComboLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u62bd\u67e5\u5c42\u7ea7", None))
        self.feeEditLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u68c0\u9a8c\u8d39\u7528\uff08\u5143\uff09", None))
        self.planComboLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u6240\u5c5e\u8ba1\u5212", None))
        self.confirmRepeatCheckLabel.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u91cd\u590d\u62bd\u68c0", None))
        self.confirmRepeatCheck.setText(QCoreApplication.translate("AllianceBatchDialog", u"\u786e\u8ba4\u91cd\u590d\u62bd\u68c0\uff08\u5df2\u9605\u8bfb\u63d0\u793a\uff09", None))
        self.warningLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

