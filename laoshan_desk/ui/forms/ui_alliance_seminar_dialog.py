# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alliance_seminar_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AllianceSeminarDialog(object):
    def setupUi(self, AllianceSeminarDialog: Any) -> None:
        if not AllianceSeminarDialog.objectName():
            AllianceSeminarDialog.setObjectName(u"AllianceSeminarDialog")
        AllianceSeminarDialog.resize(560, 560)
        self.verticalLayout = QVBoxLayout(AllianceSeminarDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleEditLabel = QLabel(AllianceSeminarDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(AllianceSeminarDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.heldEditLabel = QLabel(AllianceSeminarDialog)
        self.heldEditLabel.setObjectName(u"heldEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heldEditLabel)

        self.heldEdit = QDateEdit(AllianceSeminarDialog)
        self.heldEdit.setObjectName(u"heldEdit")
        self.heldEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heldEdit)

        self.formatComboLabel = QLabel(AllianceSeminarDialog)
        self.formatComboLabel.setObjectName(u"formatComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formatComboLabel)

        self.formatCombo = QComboBox(AllianceSeminarDialog)
        self.formatCombo.setObjectName(u"formatCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.topicsListLabel = QLabel(AllianceSeminarDialog)
        self.topicsListLabel.setObjectName(u"topicsListLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.topicsListLabel)

        self.topicsList = QListWidget(AllianceSeminarDialog)
        self.topicsList.setObjectName(u"topicsList")
        self.topicsList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.topicsList)

        self.placeEditLabel = QLabel(AllianceSeminarDialog)
        self.placeEditLabel.setObjectName(u"placeEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeEditLabel)

        self.placeEdit = QLineEdit(AllianceSeminarDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.attendeesListLabel = QLabel(AllianceSeminarDialog)
        self.attendeesListLabel.setObjectName(u"attendeesListLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attendeesListLabel)

        self.attendeesList = QListWidget(AllianceSeminarDialog)
        self.attendeesList.setObjectName(u"attendeesList")
        self.attendeesList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attendeesList)

        self.peopleEditLabel = QLabel(AllianceSeminarDialog)
        self.peopleEditLabel.setObjectName(u"peopleEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.peopleEditLabel)

        self.peopleEdit = QLineEdit(AllianceSeminarDialog)
        self.peopleEdit.setObjectName(u"peopleEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.peopleEdit)

        self.materialsListLabel = QLabel(AllianceSeminarDialog)
        self.materialsListLabel.setObjectName(u"materialsListLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.materialsListLabel)

        self.materialsList = QListWidget(AllianceSeminarDialog)
        self.materialsList.setObjectName(u"materialsList")
        self.materialsList.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.materialsList)

        self.addMaterialButtonLabel = QLabel(AllianceSeminarDialog)
        self.addMaterialButtonLabel.setObjectName(u"addMaterialButtonLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.addMaterialButtonLabel)

        self.addMaterialButton = QPushButton(AllianceSeminarDialog)
        self.addMaterialButton.setObjectName(u"addMaterialButton")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.addMaterialButton)


        self.verticalLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AllianceSeminarDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #D6322F;")

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AllianceSeminarDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AllianceSeminarDialog)

        QMetaObject.connectSlotsByName(AllianceSeminarDialog)
    # setupUi

    def retranslateUi(self, AllianceSeminarDialog: Any) -> None:
        AllianceSeminarDialog.setWindowTitle(QCoreApplication.translate("AllianceSeminarDialog", u"\u4e13\u9898\u7814\u8ba8", None))
        self.titleEditLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u6d3b\u52a8\u540d\u79f0", None))
        self.heldEditLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u4e3e\u529e\u65e5\u671f", None))
        self.heldEdit.setDisplayFormat(QCoreApplication.translate("AllianceSeminarDialog", u"yyyy-MM-dd", None))
        self.formatComboLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u5f62\u5f0f", None))
        self.topicsListLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u4e13\u9898", None))
        self.placeEditLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u5730\u70b9", None))
        self.attendeesListLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u53c2\u4f1a\u4f01\u4e1a", None))
        self.peopleEditLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u5176\u4ed6\u53c2\u4f1a\u4eba\u5458", None))
        self.materialsListLabel.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u6750\u6599", None))
        self.addMaterialButtonLabel.setText("")
        self.addMaterialButton.setText(QCoreApplication.translate("AllianceSeminarDialog", u"\u6dfb\u52a0\u6750\u6599\u2026", None))
        self.errorLabel.setText("")
    # retranslateUi

