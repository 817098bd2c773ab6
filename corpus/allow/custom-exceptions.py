# expect: strict=allow standard=allow audit=allow
class AppError(Exception):
    """Base error for the app."""


class ValidationError(AppError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def validate_user(user: dict) -> dict:
    if not user.get("email") or "@" not in user["email"]:
        raise ValidationError("email", "invalid address")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "must be positive")
    return user


for u in [{"email": "a@b.c", "age": 3}, {"email": "nope"}]:
    try:
        print("ok:", validate_user(u))
    except AppError as err:
        print("error:", err)
