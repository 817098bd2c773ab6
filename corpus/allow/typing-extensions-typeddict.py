# expect: strict=allow standard=allow audit=allow
from typing_extensions import Literal, NotRequired, TypedDict


class Movie(TypedDict):
    title: str
    year: int
    rating: NotRequired[float]


Genre = Literal["drama", "comedy", "horror"]


def label(movie: Movie, genre: Genre) -> str:
    rating = movie.get("rating")
    suffix = f" ({rating}/10)" if rating is not None else ""
    return f"{movie['title']} [{movie['year']}, {genre}]{suffix}"


print(label({"title": "Heat", "year": 1995, "rating": 8.3}, "drama"))
