# Tests for rules/xml.yaml. A "# ruleid: X" line means the next line must
# produce rule X; "# ok: X" means it must not.
import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import pulldom

import defusedxml.ElementTree
from lxml import etree

document = "<root><item>1</item></root>"

# ruleid: xml-stdlib-parse
tree = ET.fromstring(document)
# ruleid: xml-stdlib-parse
tree = ET.parse("data.xml")
# ruleid: xml-stdlib-parse
dom = xml.dom.minidom.parseString(document)
# ruleid: xml-stdlib-parse
parser = xml.sax.make_parser()
# ruleid: xml-stdlib-parse
events = pulldom.parseString(document)
# ok: xml-stdlib-parse
tree = defusedxml.ElementTree.fromstring(document)
# ok: xml-stdlib-parse
element = ET.Element("root")

# ruleid: lxml-parse
root = etree.fromstring(document)
# ruleid: lxml-parse
root = etree.parse("data.xml")
# ok: lxml-parse
safe_parser = etree.XMLParser(resolve_entities=False, no_network=True)
