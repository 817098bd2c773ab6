# expect: strict=deny standard=allow audit=allow
import asyncio


async def producer(q: asyncio.Queue, n: int) -> None:
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q: asyncio.Queue) -> int:
    total = 0
    while (item := await q.get()) is not None:
        total += item
        await asyncio.sleep(0)
    return total


async def main() -> None:
    q: asyncio.Queue = asyncio.Queue(maxsize=5)
    _, total = await asyncio.gather(producer(q, 10), consumer(q))
    print("total:", total)


asyncio.run(main())
