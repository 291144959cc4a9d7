"""The vocabularies of an appeal's steps and side records: what a step in the timeline is called,
why an appeal is suspended, the states of extension and suspension requests, of proxy-service
tasks and of SMS messages, and the kinds of attachment.

Each is a ``Labelled`` enum: the value is the code stored in the database, ``label`` the Chinese
word on screens.
"""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled


class EventAction(Labelled):
    """A step in an appeal's timeline (``AppealEvent.action``)."""

    INTAKE = ("intake", "受理")
    DISPATCH = ("dispatch", "派单")
    REASSIGN = ("reassign", "改派")
    RETURN = ("return", "退单")
    CO_HANDLE = ("co_handle", "吹哨报到")
    RESPOND = ("respond", "响应")
    PROGRESS = ("progress", "办理")
    SUSPEND_REQUEST = ("suspend_request", "申请挂起")
    SUSPEND = ("suspend", "挂起")
    SUSPEND_REFUSED = ("suspend_refused", "挂起不予批准")
    RESUME = ("resume", "恢复办理")
    EXTENSION_REQUEST = ("extension_request", "申请延期")
    EXTENSION = ("extension", "批准延期")
    EXTENSION_REFUSED = ("extension_refused", "延期不予批准")
    FINISH = ("finish", "办结")
    VISIT = ("visit", "回访")
    REOPEN = ("reopen", "重新办理")
    CLOSE = ("close", "结案")
    MERGE = ("merge", "合并")
    SUPERVISE = ("supervise", "督办")
    IMPORT = ("import", "导入")
    ATTACH = ("attach", "上传附件")
    PROXY = ("proxy", "转帮代办")


class SuspensionReason(Labelled):
    """Why the completion clock may be stopped (docs/rules.md §appeals-clocks)."""

    APPELLANT = ("appellant", "等待诉求人补充材料或配合")
    TEST = ("test", "等待检测、鉴定结果")
    OTHER_BODY = ("other_body", "等待其他机关处理")
    OTHER = ("other", "其他")


class ExtensionState(Labelled):
    REQUESTED = ("requested", "待审批")
    APPROVED = ("approved", "已批准")
    REFUSED = ("refused", "未批准")


class SuspensionState(Labelled):
    REQUESTED = ("requested", "待审批")
    APPROVED = ("approved", "挂起中")
    REFUSED = ("refused", "未批准")
    ENDED = ("ended", "已恢复")


class RequestKind(Labelled):
    """The two kinds of request a leader decides (待审批)."""

    EXTENSION = ("extension", "延期申请")
    SUSPENSION = ("suspension", "挂起申请")


class ProxyTaskState(Labelled):
    OPEN = ("open", "办理中")
    DONE = ("done", "已办完")


class SmsState(Labelled):
    QUEUED = ("queued", "待发送")
    SENT = ("sent", "已发送")
    FAILED = ("failed", "发送失败（待重试）")
    GAVE_UP = ("gave_up", "发送失败（已放弃）")


class Media(Labelled):
    """What an attachment is, from its MIME type."""

    PICTURE = ("picture", "图片")
    VOICE = ("voice", "语音")
    VIDEO = ("video", "视频")
    OTHER = ("other", "其他")

    @classmethod
    def of(cls, mime: str) -> Media:
        if mime.startswith("image/"):
            return cls.PICTURE
        if mime.startswith("audio/"):
            return cls.VOICE
        if mime.startswith("video/"):
            return cls.VIDEO
        return cls.OTHER
