# expect: strict=deny standard=allow audit=allow
from pydantic import BaseModel, Field, ValidationError


class User(BaseModel):
    name: str
    age: int = Field(ge=0)
    email: str


try:
    print(User(name="ana", age=31, email="ana@example.com"))
    User(name="bo", age=-1, email="x")
except ValidationError as err:
    print(err.error_count(), "validation error(s)")
