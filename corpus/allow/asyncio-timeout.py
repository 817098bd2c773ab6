# expect: strict=deny standard=allow audit=allow
import asyncio


async def slow() -> str:
    await asyncio.sleep(2)
    return "done"


async def main() -> None:
    try:
        print(await asyncio.wait_for(slow(), timeout=0.1))
    except asyncio.TimeoutError:
        print("timed out, using cached value")


asyncio.run(main())
