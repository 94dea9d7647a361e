"""The streamed manifest reader: same elements as a plain lxml conversion, lines in errors, speed, memory, gc."""

from __future__ import annotations

import gc
import io
import tracemalloc

import pytest
from lxml import etree

from app.models.metadata import Element
from app.models.tasks import Cancelled, CancelToken
from app.seda.reader import ReadError, gc_paused, read_manifest, read_manifest_bytes
from app.seda.xmlconv import from_lxml

NS = "fr:gouv:culture:archivesdefrance:seda:v2.2"
HEAD = f'<ArchiveTransfer xmlns="{NS}"><DataObjectPackage>'.encode()
TAIL = b"<ManagementMetadata/></DataObjectPackage></ArchiveTransfer>"


def _manifest(units: bytes, groups: bytes = b"") -> bytes:
    return HEAD + groups + b"<DescriptiveMetadata>" + units + b"</DescriptiveMetadata>" + TAIL


def test_element_slots_are_the_ones_the_reader_fills():
    # The reader makes Elements with __new__ and four slot stores: a new slot would be left unset.
    assert Element.__slots__ == ("tag", "text", "attrib", "children")


TRICKY_CONTENT = f"""<Content xmlns:x="urn:x" xmlns:s="{NS}">
    <DescriptionLevel>Item</DescriptionLevel>
    <Title xml:lang="fr">  spaced <!-- a comment -->title &amp; more</Title>
    <Description><![CDATA[<not markup>]]> and text</Description>
    <Writer s:id="w1" other="v"><FullName>A</FullName>tail text dropped<BirthName>B</BirthName></Writer>
    <x:Extension x:attr="1">mixed <x:b>bold</x:b> end</x:Extension>
    <?pi dropped?>
    <Keyword>
      <KeywordContent>k</KeywordContent>
    </Keyword>
    <Empty/>
    <Blank>   </Blank>
  </Content>"""


def test_builder_gives_the_same_elements_as_from_lxml():
    data = _manifest(f'<ArchiveUnit id="U1">{TRICKY_CONTENT}</ArchiveUnit>'.encode())
    unit = read_manifest_bytes(data).roots[0]
    parser = etree.XMLParser(remove_comments=True, remove_pis=True)
    expected = from_lxml(etree.fromstring(data, parser).find(f".//{{{NS}}}Content"))
    assert unit.content == expected
    # __eq__ treats "" and None alike: check the texts exactly too.
    assert [(e.tag, e.text) for e in unit.content.iter()] == [(e.tag, e.text) for e in expected.iter()]
    title = unit.content.find("Title")
    assert title.text == "  spaced title & more" and title.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert unit.content.find("Writer").attrib == {"id": "w1", "other": "v"}


def test_tags_are_shared_strings():
    units = b"".join(b'<ArchiveUnit id="U%d"><Content><Title>t</Title></Content></ArchiveUnit>' % i
                     for i in range(3))
    transfer = read_manifest_bytes(_manifest(units))
    titles = [unit.content.find("Title") for unit in transfer.roots]
    assert len({id(title.tag) for title in titles}) == 1


MULTILINE_HEAD = f'<ArchiveTransfer xmlns="{NS}">\n<DataObjectPackage>\n'


@pytest.mark.parametrize("body, expected", [
    ('<DescriptiveMetadata>\n<ArchiveUnit id="A"><Content/></ArchiveUnit>\n\n<ArchiveUnit id="A">\n'
     "<Content/></ArchiveUnit>\n</DescriptiveMetadata>", "line 6: the id A is used twice"),
    ('<DescriptiveMetadata>\n<ArchiveUnit id="A">\n<Content/>\n<DataObjectReference>\n'
     "<DataObjectGroupReferenceId>G9</DataObjectGroupReferenceId></DataObjectReference>\n</ArchiveUnit>\n"
     "</DescriptiveMetadata>", "line 6: unit A refers to the object or group G9"),
    ('<DescriptiveMetadata>\n<ArchiveUnit id="A"><Content/>\n<DataObjectReference><DataObjectGroupReferenceId>G'
     "</DataObjectGroupReferenceId></DataObjectReference>\n<DataObjectReference><DataObjectGroupReferenceId>G"
     "</DataObjectGroupReferenceId></DataObjectReference></ArchiveUnit></DescriptiveMetadata>",
     "line 6: unit A refers to several object groups"),
    ('<DataObjectGroup id="G">\n<Foo/>\n</DataObjectGroup>', "line 4: unexpected element Foo"),
    ("<DescriptiveMetadata>\n\n<ArchiveUnit><Content/></ArchiveUnit></DescriptiveMetadata>",
     "line 5: a ArchiveUnit has no id"),
])
def test_errors_name_the_line(body, expected):
    data = (MULTILINE_HEAD + body + "<ManagementMetadata/></DataObjectPackage></ArchiveTransfer>").encode()
    with pytest.raises(ReadError) as info:
        read_manifest_bytes(data)
    assert expected in str(info.value)


def test_gc_state_is_restored_after_success_failure_and_cancel():
    good = _manifest(b'<ArchiveUnit id="U"><Content/></ArchiveUnit>')
    bad = _manifest(b'<ArchiveUnit id="U"><Content/></ArchiveUnit><ArchiveUnit id="U"><Content/></ArchiveUnit>')
    token = CancelToken()
    token.cancel()
    assert gc.isenabled()
    read_manifest_bytes(good)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(ReadError):
        read_manifest_bytes(bad)
    assert gc.isenabled()
    with pytest.raises(Cancelled):
        read_manifest(lambda: io.BytesIO(good), cancel=token)
    assert gc.isenabled()
    gc.disable()
    try:
        read_manifest_bytes(good)
        assert not gc.isenabled()  # a caller that paused the collector keeps it paused
    finally:
        gc.enable()


def test_gc_paused_leaves_objects_frozen_by_the_application_alone():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _big_manifest(n: int) -> bytes:
    groups = b"".join(
        b'<DataObjectGroup id="G%d"><BinaryDataObject id="O%d"><DataObjectVersion>BinaryMaster_1'
        b"</DataObjectVersion><Uri>Content/O%d.pdf</Uri><MessageDigest algorithm=\"SHA-512\">%s</MessageDigest>"
        b"<Size>1000</Size><FormatIdentification><FormatLitteral>PDF</FormatLitteral><MimeType>application/pdf"
        b"</MimeType><FormatId>fmt/18</FormatId></FormatIdentification><FileInfo><Filename>f.pdf</Filename>"
        b"</FileInfo></BinaryDataObject></DataObjectGroup>" % (i, i, i, b"a" * 128) for i in range(0, n, 2))
    units = b"".join(
        b'<ArchiveUnit id="U%d"><Management><AccessRule><Rule>ACC-00001</Rule><StartDate>2020-01-01</StartDate>'
        b'</AccessRule></Management><Content><DescriptionLevel>Item</DescriptionLevel><Title xml:lang="fr">Unit %d'
        b"</Title><Description>Some text</Description><Writer><FullName>Someone</FullName></Writer></Content>%s"
        b"</ArchiveUnit>" % (i, i, b"<DataObjectReference><DataObjectGroupReferenceId>G%d</DataObjectGroupReferenceId>"
                                   b"</DataObjectReference>" % i if i % 2 == 0 else b"")
        for i in range(n))
    return _manifest(units, groups)


def test_parsing_memory_is_bounded_by_the_model():
    data = _big_manifest(5_000)
    tracemalloc.start()
    try:
        transfer = read_manifest_bytes(data)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert transfer.count_units() == 5_000
    # What the import needs on top of the finished model (reader tables, open elements) is small.
    assert peak - kept < 0.25 * kept, (peak, kept)
