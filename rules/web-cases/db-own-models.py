from sqlalchemy import Column, Integer, create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)


engine = create_engine("sqlite:///test.db")
Base.metadata.create_all(engine)
# the program's own models, in a test's teardown
# ok: reflected-tables-dropped
Base.metadata.drop_all(engine)
