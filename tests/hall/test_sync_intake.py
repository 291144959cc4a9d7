"""受理 on a linked street desk travels to the hub: the appeal keeps its id, the desk shows a
provisional number until the hub has numbered it, attachments go by content hash once, and a
desk cannot register another street's appeal there."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.appeals import is_appeal_number
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org, sync
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.sync import outbox
from laoshan_desk.services.sync.transport import DirectHub
from laoshan_desk.store.models.appeals import Appeal, Attachment
from laoshan_desk.store.models.sync import AppliedChange, OutboxEntry, SyncFile
from tests.hall.sync_support import NOW, STREET, appeal_state, make_desk, make_hub

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=2)
    yield hub
    hub.db.dispose()


@dataclasses.dataclass
class CountingHub(DirectHub):
    """The link, counting the files it carries."""

    sent: list[str] = dataclasses.field(default_factory=list)

    def apply(
        self,
        peer_id: uuid.UUID,
        changes: list[dict[str, Any]],
        *,
        now: dt.datetime,
        files: dict[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        self.sent += sorted(files or {})
        return super().apply(peer_id, changes, now=now, files=files)


def _form(db, street_name: str, content: str, attachments: tuple[Path, ...] = ()) -> svc.IntakeForm:  # type: ignore[no-untyped-def]
    street = next(u for u in org.units(db, "street") if u.name == street_name)
    comm = org.units(db, "community", parent_id=street.id)[0]
    return svc.IntakeForm(
        kind="livelihood",
        channel="phone",
        content=content,
        street_id=street.id,
        community_id=comm.id,
        appellant="张三",
        phone="13800000001",
        attachments=attachments,
    )


def _sync(desk, clerk, hub) -> sync.SyncReport:  # type: ignore[no-untyped-def]
    pushed = sync.push.push(desk, hub, now=NOW)
    pulled = sync.pull.pull(desk, hub, now=NOW)
    return sync.SyncReport(pushed, pulled)


def test_an_intake_on_the_desk_gets_the_hubs_number_and_its_file_travels_once(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        photo = tmp_path / "井盖照片.png"
        photo.write_bytes(b"\x89PNG not really a picture, but bytes with a hash")
        ref = svc.intake(desk, clerk, _form(desk, STREET, "井盖缺失，行人易跌落", (photo,)), now=NOW)
        # Offline: a provisional number, clearly marked; found by the desk's search.
        assert ref.number.startswith("待同步") and not is_appeal_number(ref.number)
        found = queue.page(desk, clerk, queue.QueueFilter(text="井盖缺失"), now=NOW)
        assert [r.number for r in found] == [ref.number]
        assert sync.status(desk, clerk).waiting == 1

        link = CountingHub(hall.db)
        report = _sync(desk, clerk, link)

        assert report.pushed.applied == 1
        hub_detail = svc.detail(hall.db, hall.clerk, ref.id, now=NOW)  # the same id at the hub
        assert is_appeal_number(hub_detail.number)
        assert [a.name for a in hub_detail.attachments] == ["井盖照片.png"]
        desk_detail = svc.detail(desk, clerk, ref.id, now=NOW)
        assert desk_detail.number == hub_detail.number
        assert appeal_state(desk, [ref.id]) == appeal_state(hall.db, [ref.id])
        # The desk's search follows the appeal to its new row key.
        found = queue.page(desk, clerk, queue.QueueFilter(text="井盖缺失"), now=NOW)
        assert [r.number for r in found] == [hub_detail.number]
        assert len(link.sent) == 1

        again = _sync(desk, clerk, link)
        assert again.pushed.sent == 0 and again.pulled.changed_rows == 0
        assert appeal_state(desk, [ref.id]) == appeal_state(hall.db, [ref.id])

        # A second appeal with the same picture: the file is on the hub already, not sent again.
        second = svc.intake(desk, clerk, _form(desk, STREET, "同一处井盖，又有人反映", (photo,)), now=NOW)
        _sync(desk, clerk, link)
        assert len(link.sent) == 1
        with hall.db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncFile)) == 1
            shas = set(s.scalars(select(Attachment.sha256).where(Attachment.appeal_id.in_([ref.id, second.id]))))
            assert len(shas) == 1
        numbers = {svc.detail(desk, clerk, i, now=NOW).number for i in (ref.id, second.id)}
        assert len(numbers) == 2 and all(is_appeal_number(n) for n in numbers)
    finally:
        desk.dispose()


def test_two_desks_intake_at_once_and_the_hub_numbers_both(hall, tmp_path: Path) -> None:
    a, clerk_a = make_desk(tmp_path / "a.sqlite3", hall)
    b, clerk_b = make_desk(tmp_path / "b.sqlite3", hall, user="szk2")
    try:
        ra = svc.intake(a, clerk_a, _form(a, STREET, "甲窗口受理：噪音扰民"), now=NOW)
        rb = svc.intake(b, clerk_b, _form(b, STREET, "乙窗口受理：垃圾未清运"), now=NOW)
        sync.sync_now(a, clerk_a, now=NOW, hub=hall.db)
        sync.sync_now(b, clerk_b, now=NOW, hub=hall.db)
        sync.sync_now(a, clerk_a, now=NOW, hub=hall.db)
        na = svc.detail(hall.db, hall.clerk, ra.id, now=NOW).number
        nb = svc.detail(hall.db, hall.clerk, rb.id, now=NOW).number
        assert na != nb and is_appeal_number(na) and is_appeal_number(nb)
        assert appeal_state(a, [ra.id, rb.id]) == appeal_state(b, [ra.id, rb.id])
        assert appeal_state(a, [ra.id, rb.id]) == appeal_state(hall.db, [ra.id, rb.id])
    finally:
        a.dispose()
        b.dispose()


def test_a_desk_cannot_register_another_streets_appeal(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        other = next(u.name for u in org.units(desk, "street") if u.name != STREET)
        with pytest.raises(ValidationError) as refused:
            svc.intake(desk, clerk, _form(desk, other, "别的街道的诉求"), now=NOW)
        assert refused.value.field == "street_id" and STREET in refused.value.message
        assert sync.status(desk, clerk).waiting == 0

        # The same intake written into the desk's outbox by hand: the hub refuses it.
        form = dataclasses.replace(_form(desk, other, "改了本地文件的越权受理"), appeal_id=uuid.uuid4())
        with desk.session(write=True) as s:
            s.add(
                OutboxEntry(
                    change_id=uuid.uuid4(),
                    n=1,
                    service="appeals.intake",
                    form=sync.codec.encode_form(form),
                    user_id=clerk.user_id,
                    username=clerk.username,
                    base={f"appeal:{form.appeal_id}": 0},
                    at=NOW,
                    state=outbox.PENDING,
                    message="",
                    refreshed=False,
                    files=[],
                )
            )
        with hall.db.session() as s:
            before = s.scalar(select(func.count()).select_from(Appeal))
        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert report.pushed.refused == 1
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry)).one()
            assert entry.state == "refused" and "只能受理本街道" in entry.message
        with hall.db.session() as s:
            assert s.get(Appeal, form.appeal_id) is None
            assert s.scalar(select(func.count()).select_from(Appeal)) == before
            assert s.scalars(select(AppliedChange.outcome)).all() == ["refused"]
    finally:
        desk.dispose()
