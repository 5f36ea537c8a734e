//! Reading the user's inputs into documents: files, directories, JSONL, HTML and stdin.
