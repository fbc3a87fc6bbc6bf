"""HTML pages: rendered to text (render), comment items read from the DOM (comments_dom), and
split into the same tables as plain text (split), with the text splitter as the fallback."""

from replyscope.html.render import RenderedPage, page_title, render_page
from replyscope.html.split import split_html_document

__all__ = ["RenderedPage", "page_title", "render_page", "split_html_document"]
