"""The verification code printed (as text and QR code) on a certificate, and its check."""

from __future__ import annotations

import hashlib
import hmac

from laoshan_desk.domain.errors import ValidationError

__all__ = [
    "VERIFICATION_CODE_LENGTH",
    "verification_code",
    "format_verification_code",
    "normalise_verification_code",
    "check_verification_code",
]


# -- certificate verification code -------------------------------------------------------------
# Crockford's base32: no I, L, O or U, so a clerk reading a code aloud or typing it from paper
# cannot confuse 1/I/L or 0/O; lower case and those look-alikes are folded on input.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FOLD = str.maketrans({"O": "0", "I": "1", "L": "1"})
VERIFICATION_CODE_LENGTH = 12  # 60 bits: guessing one valid code is hopeless
_DOMAIN_TAG = "laoshan-desk/certificate/v1"  # changing the scheme later changes this tag


def _secret_bytes(secret: bytes | str) -> bytes:
    key = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if not key:
        raise ValueError("verification secret must not be empty")
    return key


def verification_code(secret: bytes | str, certificate_id: str | int, item_code: str, credit_code: str) -> str:
    """The 12-character code printed on a certificate (compact form, no hyphens).

    HMAC-SHA256 keyed with the desk's secret over the certificate id, the item code and the
    enterprise's USCC, so a code cannot be made without the secret and does not carry over to
    another enterprise or item. The fields are joined with a unit separator so that no two
    different triples give the same message.
    """
    message = "\x1f".join(
        [_DOMAIN_TAG, str(certificate_id).strip(), item_code.strip().upper(), credit_code.strip().upper()]
    ).encode("utf-8")
    digest = hmac.new(_secret_bytes(secret), message, hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * VERIFICATION_CODE_LENGTH)
    chars = []
    for _ in range(VERIFICATION_CODE_LENGTH):
        chars.append(_ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def format_verification_code(code: str) -> str:
    """``ABCD-EFGH-JKMN``: groups of four, as printed under the QR code."""
    compact = normalise_verification_code(code)
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def normalise_verification_code(text: str) -> str:
    """The compact upper-case form of a typed code; ValidationError when it cannot be one."""
    compact = "".join(ch for ch in (text or "").upper() if ch not in " -_\t").translate(_FOLD)
    if len(compact) != VERIFICATION_CODE_LENGTH or any(ch not in _ALPHABET for ch in compact):
        raise ValidationError(
            f"核验码应为 {VERIFICATION_CODE_LENGTH} 位字母数字（如 ABCD-EFGH-JKMN）：{text!r}",
            field="code",
        )
    return compact


def check_verification_code(
    code: str, secret: bytes | str, certificate_id: str | int, item_code: str, credit_code: str
) -> bool:
    """Whether ``code`` is the one issued for this certificate (typing slips folded, see above)."""
    try:
        compact = normalise_verification_code(code)
    except ValidationError:
        return False
    expected = verification_code(secret, certificate_id, item_code, credit_code)
    return hmac.compare_digest(compact, expected)
