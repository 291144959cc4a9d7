# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_member_dialog.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_AllianceMemberDialog(object):
    def setupUi(self, AllianceMemberDialog: Any) -> None:
        if not AllianceMemberDialog.objectName():
            AllianceMemberDialog.setObjectName(u"AllianceMemberDialog")
        AllianceMemberDialog.resize(560, 560)
        self.verticalLayout = QVBoxLayout(AllianceMemberDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameEditLabel = QLabel(AllianceMemberDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(AllianceMemberDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.usccEditLabel = QLabel(AllianceMemberDialog)
        self.usccEditLabel.setObjectName(u"usccEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usccEditLabel)

        self.usccEdit = QLineEdit(AllianceMemberDialog)
        self.usccEdit.setObjectName(u"usccEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.noUsccReasonEditLabel = QLabel(AllianceMemberDialog)
        self.noUsccReasonEditLabel.setObjectName(u"noUsccReasonEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noUsccReasonEditLabel)

        self.noUsccReasonEdit = QLineEdit(AllianceMemberDialog)
        self.noUsccReasonEdit.setObjectName(u"noUsccReasonEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noUsccReasonEdit)

        self.streetComboLabel = QLabel(AllianceMemberDialog)
        self.streetComboLabel.setObjectName(u"streetComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.streetComboLabel)

        self.streetCombo = QComboBox(AllianceMemberDialog)
        self.streetCombo.setObjectName(u"streetCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.streetCombo)

        self.communityComboLabel = QLabel(AllianceMemberDialog)
        self.communityComboLabel.setObjectName(u"communityComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.communityComboLabel)

        self.communityCombo = QComboBox(AllianceMemberDialog)
        self.communityCombo.setObjectName(u"communityCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.communityCombo)

        self.addressEditLabel = QLabel(AllianceMemberDialog)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.addressEditLabel)

        self.addressEdit = QLineEdit(AllianceMemberDialog)
        self.addressEdit.setObjectName(u"addressEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.industryComboLabel = QLabel(AllianceMemberDialog)
        self.industryComboLabel.setObjectName(u"industryComboLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.industryComboLabel)

        self.industryCombo = QComboBox(AllianceMemberDialog)
        self.industryCombo.setObjectName(u"industryCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.industryCombo)

        self.stageComboLabel = QLabel(AllianceMemberDialog)
        self.stageComboLabel.setObjectName(u"stageComboLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.stageComboLabel)

        self.stageCombo = QComboBox(AllianceMemberDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.liaisonEditLabel = QLabel(AllianceMemberDialog)
        self.liaisonEditLabel.setObjectName(u"liaisonEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.liaisonEditLabel)

        self.liaisonEdit = QLineEdit(AllianceMemberDialog)
        self.liaisonEdit.setObjectName(u"liaisonEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.liaisonEdit)

        self.liaisonUserComboLabel = QLabel(AllianceMemberDialog)
        self.liaisonUserComboLabel.setObjectName(u"liaisonUserComboLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.liaisonUserComboLabel)

        self.liaisonUserCombo = QComboBox(AllianceMemberDialog)
        self.liaisonUserCombo.setObjectName(u"liaisonUserCombo")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.liaisonUserCombo)

        self.liaisonPhoneEditLabel = QLabel(AllianceMemberDialog)
        self.liaisonPhoneEditLabel.setObjectName(u"liaisonPhoneEditLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.liaisonPhoneEditLabel)

        self.liaisonPhoneEdit = QLineEdit(AllianceMemberDialog)
        self.liaisonPhoneEdit.setObjectName(u"liaisonPhoneEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.liaisonPhoneEdit)

        self.memberSinceEditLabel = QLabel(AllianceMemberDialog)
        self.memberSinceEditLabel.setObjectName(u"memberSinceEditLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.memberSinceEditLabel)

        self.memberSinceEdit = QDateEdit(AllianceMemberDialog)
        self.memberSinceEdit.setObjectName(u"memberSinceEdit")
        self.memberSinceEdit.setCalendarPopup(True)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.memberSinceEdit)

        self.pledgeCheckLabel = QLabel(AllianceMemberDialog)
        self.pledgeCheckLabel.setObjectName(u"pledgeCheckLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.pledgeCheckLabel)

        self.pledgeCheck = QCheckBox(AllianceMemberDialog)
        self.pledgeCheck.setObjectName(u"pledgeCheck")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.pledgeCheck)

        self.pledgeDateEditLabel = QLabel(AllianceMemberDialog)
        self.pledgeDateEditLabel.setObjectName(u"pledgeDateEditLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.pledgeDateEditLabel)

        self.pledgeDateEdit = QDateEdit(AllianceMemberDialog)
        self.pledgeDateEdit.setObjectName(u"pledgeDateEdit")
        self.pledgeDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.pledgeDateEdit)

        self.noteEditLabel = QLabel(AllianceMemberDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.noteEditLabel)

        self.noteEdit = QPlainTextEdit(AllianceMemberDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceMemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceMemberDialog)

        QMetaObject.connectSlotsByName(AllianceMemberDialog)
    # setupUi

    def retranslateUi(self, AllianceMemberDialog: Any) -> None:
        AllianceMemberDialog.setWindowTitle(QCoreApplication.translate("AllianceMemberDialog", u"\u8054\u76df\u6210\u5458", None))
        self.nameEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u4f01\u4e1a\u540d\u79f0", None))
        self.usccEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.noUsccReasonEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u65e0\u4ee3\u7801\u539f\u56e0", None))
        self.streetComboLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u8857\u9053", None))
        self.communityComboLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u793e\u533a\uff08\u6751\uff09", None))
        self.addressEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u5730\u5740", None))
        self.industryComboLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u884c\u4e1a", None))
        self.stageComboLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u751f\u547d\u5468\u671f\u9636\u6bb5", None))
        self.liaisonEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u8054\u7edc\u5458\uff08\u4e00\u5bf9\u4e00\uff09", None))
        self.liaisonUserComboLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u8054\u7edc\u5458\u8d26\u6237", None))
        self.liaisonPhoneEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u8054\u7edc\u7535\u8bdd", None))
        self.memberSinceEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u5165\u76df\u65e5\u671f", None))
        self.memberSinceEdit.setDisplayFormat(QCoreApplication.translate("AllianceMemberDialog", u"yyyy-MM-dd", None))
        self.pledgeCheckLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u8bda\u4fe1\u7ecf\u8425\u5021\u8bae\u4e66", None))
        self.pledgeCheck.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u5df2\u7b7e\u7f72", None))
        self.pledgeDateEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u7b7e\u7f72\u65e5\u671f", None))
        self.pledgeDateEdit.setDisplayFormat(QCoreApplication.translate("AllianceMemberDialog", u"yyyy-MM-dd", None))
        self.noteEditLabel.setText(QCoreApplication.translate("AllianceMemberDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi

