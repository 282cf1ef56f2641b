"""Source readers: files, folders, uploads and zip archives to cleaned ``Document`` records.

    read_upload(name, data)      one uploaded file; a .zip yields its members' documents
    read_path(path)              a file, a .zip or a folder on disk
    resolve_server_folder(p)     a user-typed server folder, checked against allowed roots
    count_files(folder)          how many files it holds (for a progress bar)
    read_article(name, data)     one article for review (txt/md/html); raises SourceError
    clean_text(text)             plain text without page furniture
    SUPPORTED_SUFFIXES           the file types read

Readers yield ``Document`` or ``Rejected`` and never raise: one bad file, row or
member never stops a batch. Inside: encoding.py (bytes to text), furniture.py and
cleaning.py (page furniture), fields.py (metadata, dates), textfiles.py (txt, md),
htmlpage.py, tabular.py (csv, jsonl), archive.py (zip), limits.py, filenames.py,
readers.py (dispatch), folders.py. Nothing here touches the database or the NLP.
"""

from .cleaning import clean_text
from .filenames import SUPPORTED_SUFFIXES
from .folders import count_files, read_path, resolve_server_folder
from .readers import read_article, read_upload

__all__ = [
    "SUPPORTED_SUFFIXES", "clean_text", "count_files", "read_article", "read_path", "read_upload",
    "resolve_server_folder",
]
