"""Tests of the certificate verification codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.approvals import (
    VERIFICATION_CODE_LENGTH,
    check_verification_code,
    format_verification_code,
    normalise_verification_code,
    verification_code,
)
from laoshan_desk.domain.errors import ValidationError

# -- verification codes -----------------------------------------------------------------------
SECRET = b"desk-secret-for-tests"
USCC = "91370212MA3U8KW28P"


def test_verification_code_shape_and_determinism():
    code = verification_code(SECRET, 17, "SP056", USCC)
    assert len(code) == VERIFICATION_CODE_LENGTH == 12
    assert set(code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert code == verification_code(SECRET.decode(), "17", "sp056", USCC.lower())
    formatted = format_verification_code(code)
    assert formatted.count("-") == 2 and formatted.replace("-", "") == code


def test_verification_code_depends_on_every_field():
    base = verification_code(SECRET, 17, "SP056", USCC)
    assert verification_code(SECRET, 18, "SP056", USCC) != base
    assert verification_code(SECRET, 17, "SP057", USCC) != base
    assert verification_code(SECRET, 17, "SP056", "91370212MA3U8KW2X0") != base
    assert verification_code(b"other-secret", 17, "SP056", USCC) != base
    # The separator keeps "1"+"7SP" and "17"+"SP" apart.
    assert verification_code(SECRET, "1", "7SP056", USCC) != base


def test_check_verification_code_folds_typing_slips():
    code = verification_code(SECRET, 17, "SP056", USCC)
    assert check_verification_code(code, SECRET, 17, "SP056", USCC)
    typed = format_verification_code(code).lower().replace("0", "o").replace("1", "l")
    assert check_verification_code(" " + typed + " ", SECRET, 17, "SP056", USCC)
    assert not check_verification_code(code, SECRET, 18, "SP056", USCC)
    assert not check_verification_code("not a code", SECRET, 17, "SP056", USCC)
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert not check_verification_code(wrong, SECRET, 17, "SP056", USCC)


def test_normalise_and_secret_errors():
    with pytest.raises(ValidationError, match="12 位"):
        normalise_verification_code("ABC")
    with pytest.raises(ValidationError):
        normalise_verification_code("UUUU-UUUU-UUUU")  # U is not in Crockford's alphabet
    with pytest.raises(ValueError):
        verification_code(b"", 1, "SP001", USCC)


@given(st.integers(1, 10**9), st.sampled_from(["SP001", "SP023", "SP056"]), st.text(min_size=1, max_size=20))
def test_verification_round_trip(cert_id, item, secret):
    code = verification_code(secret, cert_id, item, USCC)
    assert check_verification_code(format_verification_code(code), secret, cert_id, item, USCC)
    assert normalise_verification_code(code) == code
