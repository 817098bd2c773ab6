import string

import jinja2

# a template engine given a template that walks to a function's globals
# ruleid: template-source-dunder, dangerous-dunder-in-string
jinja2.Template("{{ cycler.__init__.__globals__.os }}").render()
# ruleid: dangerous-dunder-in-string
SSTI = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
env = jinja2.Environment()
# ruleid: template-source-dunder
env.from_string(SSTI).render()

# a template of the program's own fields
# ok: template-source-dunder
jinja2.Template("{{ user.name }} has {{ items|length }} items").render(user=None, items=[])

# string.Formatter resolving a field path into live objects
f = string.Formatter()
# ruleid: template-source-dunder, dangerous-dunder-in-string
subclasses, _ = f.get_field("0.__class__.__base__.__subclasses__", [()], {})
