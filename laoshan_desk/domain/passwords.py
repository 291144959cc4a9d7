"""Password rules (GB/T 22239 level 3 asks for complexity): length and character classes."""

from __future__ import annotations

from laoshan_desk.domain.errors import ValidationError

MIN_LENGTH = 8


def check_password_strength(password: str, *, username: str = "") -> None:
    """Raise a ValidationError with a Chinese message when the password is too weak."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"密码至少 {MIN_LENGTH} 位", field="password")
    has_letter = any(c.isalpha() for c in password)
    has_digit = any(c.isdigit() for c in password)
    if not (has_letter and has_digit):
        raise ValidationError("密码须同时包含字母和数字", field="password")
    if username and username.lower() in password.lower():
        raise ValidationError("密码不能包含用户名", field="password")
