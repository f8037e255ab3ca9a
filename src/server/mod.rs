//! `factcheck server`: a language server (LSP over a [`lsp_server::Connection`], stdio from the
//! command line), built on the library exactly as `factcheck check` is.
//!
//! - [`state`]: open documents (their unsaved text overrides the files on disk) and the
//!   analysis of the workspace (`factcheck.toml` from the workspace root, its claims, articles,
//!   rules and severities, [`crate::pipeline::run_check`]);
//! - [`convert`]: diagnostics as LSP diagnostics (claim files: lint findings; drafts:
//!   contradicted claims and unverified figures; claim files: contradicted and not found);
//! - [`hover`], [`actions`]: hovers and quick fixes;
//! - [`position`]: the negotiated position encoding (UTF-16 by default, UTF-8 when the client
//!   offers it) and byte offsets.
//!
//! Every change schedules an analysis [`DEBOUNCE`] later; a burst of keystrokes gives one. A
//! hover or code action first brings a scheduled analysis forward, so it answers for the text
//! the editor shows. No message makes the server panic: a request it cannot answer gets an LSP
//! error, a notification it cannot read a `window/logMessage`.

pub mod actions;
pub mod convert;
pub mod hover;
pub mod position;
pub mod state;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, LogMessageParams, MarkupContent,
    MarkupKind, MessageType, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url, notification, request,
};
use serde::de::DeserializeOwned;

use position::{Encoding, Lines};
use state::{Document, State};

/// How long after the last change the workspace is analysed.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// A failure of the connection itself (the client went away mid-handshake).
#[derive(Debug)]
pub struct ServerError(pub String);

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

struct Server<'a> {
    connection: &'a Connection,
    state: State,
    enc: Encoding,
    /// Documents diagnostics were last published for.
    published: HashSet<Url>,
    last_messages: Vec<String>,
}

/// The workspace root the client names (the first workspace folder, else `rootUri`), else the
/// working directory.
#[allow(deprecated)] // `root_uri` is what older clients send.
fn root_of(params: &InitializeParams) -> PathBuf {
    let folder = params.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri);
    folder
        .or(params.root_uri.as_ref())
        .and_then(|u| u.to_file_path().ok())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(enc.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// Runs a session on `connection`: the initialize handshake, then messages until `exit`.
/// Returns whether `shutdown` came before `exit` (the exit code is 0 then, 1 otherwise).
pub fn run(connection: &Connection) -> Result<bool, ServerError> {
    let (id, params) =
        connection.initialize_start().map_err(|e| ServerError(format!("initialize: {e}")))?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let offered =
        params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref());
    let enc = Encoding::negotiate(offered);
    let result = InitializeResult {
        capabilities: capabilities(enc),
        server_info: Some(ServerInfo {
            name: "factcheck".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| ServerError(e.to_string()))?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| ServerError(format!("initialize: {e}")))?;
    let mut server = Server {
        connection,
        state: State::new(root_of(&params)),
        enc,
        published: HashSet::new(),
        last_messages: Vec::new(),
    };
    server.refresh();
    server.main_loop()
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<bool, ServerError> {
        let mut scheduled: Option<Instant> = None;
        let mut shutdown = false;
        loop {
            let msg = match scheduled {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => m,
                        Err(e) if e.is_timeout() => {
                            scheduled = None;
                            self.refresh();
                            continue;
                        }
                        Err(_) => return Ok(shutdown),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(shutdown),
                },
            };
            match msg {
                Message::Request(req) => {
                    if shutdown {
                        self.error(
                            req.id,
                            ErrorCode::InvalidRequest,
                            "the server is shutting down",
                        );
                        continue;
                    }
                    if req.method == request::Shutdown::METHOD {
                        shutdown = true;
                        self.send(Response::new_ok(req.id, ()).into());
                        continue;
                    }
                    if scheduled.take().is_some() {
                        self.refresh();
                    }
                    self.request(req);
                }
                Message::Notification(n) => {
                    if n.method == notification::Exit::METHOD {
                        return Ok(shutdown);
                    }
                    if self.notification(n) {
                        scheduled = Some(Instant::now() + DEBOUNCE);
                    }
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, msg: Message) {
        // A closed channel means the client is gone; the loop ends on the next receive.
        let _ = self.connection.sender.send(msg);
    }

    fn error(&self, id: lsp_server::RequestId, code: ErrorCode, message: &str) {
        self.send(Response::new_err(id, code as i32, message.to_string()).into());
    }

    fn log(&self, typ: MessageType, message: String) {
        let params = LogMessageParams { typ, message };
        self.send(Notification::new(notification::LogMessage::METHOD.into(), params).into());
    }

    /// Analyses the workspace and publishes every document's diagnostics (empty ones for
    /// documents that no longer have any).
    fn refresh(&mut self) {
        let analysis = self.state.analyze();
        let messages = analysis.messages.clone();
        let mut by_uri = convert::diagnostics(analysis, self.enc);
        if messages != self.last_messages {
            for m in &messages {
                self.log(MessageType::WARNING, format!("factcheck: {m}"));
            }
            self.last_messages = messages;
        }
        for uri in &self.published {
            by_uri.entry(uri.clone()).or_default();
        }
        let versions: HashMap<Url, i32> = self
            .state
            .docs
            .iter()
            .filter_map(|(p, d)| Some((Url::from_file_path(p).ok()?, d.version)))
            .collect();
        self.published.clear();
        let mut uris: Vec<Url> = by_uri.keys().cloned().collect();
        uris.sort();
        for uri in uris {
            let diagnostics = by_uri.remove(&uri).unwrap_or_default();
            if !diagnostics.is_empty() {
                self.published.insert(uri.clone());
            }
            let version = versions.get(&uri).copied();
            let params = PublishDiagnosticsParams { uri, diagnostics, version };
            let method = notification::PublishDiagnostics::METHOD.into();
            self.send(Notification::new(method, params).into());
        }
    }

    /// Handles a notification; true when the workspace must be analysed again.
    fn notification(&mut self, n: Notification) -> bool {
        match n.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let Some(p) = self.params::<DidOpenTextDocumentParams>(&n) else { return false };
                let Ok(path) = p.text_document.uri.to_file_path() else { return false };
                let doc = Document { text: p.text_document.text, version: p.text_document.version };
                self.state.docs.insert(path, doc);
                true
            }
            notification::DidChangeTextDocument::METHOD => {
                let Some(p) = self.params::<DidChangeTextDocumentParams>(&n) else { return false };
                let Ok(path) = p.text_document.uri.to_file_path() else { return false };
                let Some(doc) = self.state.docs.get_mut(&path) else {
                    let uri = p.text_document.uri;
                    self.log(MessageType::WARNING, format!("didChange for {uri}, not open"));
                    return false;
                };
                for change in p.content_changes {
                    match change.range {
                        None => doc.text = change.text,
                        Some(range) => {
                            let span = Lines::new(&doc.text).span(&doc.text, range, self.enc);
                            doc.text.replace_range(span, &change.text);
                        }
                    }
                }
                doc.version = p.text_document.version;
                true
            }
            notification::DidCloseTextDocument::METHOD => {
                let Some(p) = self.params::<DidCloseTextDocumentParams>(&n) else { return false };
                if let Ok(path) = p.text_document.uri.to_file_path() {
                    self.state.docs.remove(&path);
                }
                self.state.files_changed();
                true
            }
            notification::DidSaveTextDocument::METHOD
            | notification::DidChangeWatchedFiles::METHOD => {
                self.state.files_changed();
                true
            }
            _ => false,
        }
    }

    fn params<P: DeserializeOwned>(&self, n: &Notification) -> Option<P> {
        match serde_json::from_value(n.params.clone()) {
            Ok(p) => Some(p),
            Err(e) => {
                self.log(MessageType::ERROR, format!("invalid {} notification: {e}", n.method));
                None
            }
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            request::HoverRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(p) => serde_json::to_value(self.hover(p)),
                Err(e) => return self.error(id, ErrorCode::InvalidParams, &e.to_string()),
            },
            request::CodeActionRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(p) => serde_json::to_value(self.code_actions(p)),
                Err(e) => return self.error(id, ErrorCode::InvalidParams, &e.to_string()),
            },
            other => {
                return self.error(
                    id,
                    ErrorCode::MethodNotFound,
                    &format!("unknown method {other}"),
                );
            }
        };
        match result {
            Ok(v) => self.send(Response::new_ok(id, v).into()),
            Err(e) => self.error(id, ErrorCode::InternalError, &e.to_string()),
        }
    }

    /// The text and byte offset of a position in a document, as last analysed.
    fn locate(&self, uri: &Url) -> Option<(Option<crate::source::FileId>, String)> {
        let analysis = self.state.analysis.as_ref()?;
        let file = analysis.file_of(uri);
        let text = match (file, &analysis.checked) {
            (Some(id), Some(c)) => c.sources.get(id).text.clone(),
            _ => self.state.docs.get(&uri.to_file_path().ok()?)?.text.clone(),
        };
        Some((file, text))
    }

    fn hover(&self, p: HoverParams) -> Option<Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let (file, text) = self.locate(uri)?;
        let offset =
            Lines::new(&text).offset(&text, p.text_document_position_params.position, self.enc);
        let analysis = self.state.analysis.as_ref()?;
        let value = hover::hover(analysis, file, &text, offset)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }),
            range: None,
        })
    }

    fn code_actions(&self, p: CodeActionParams) -> Option<Vec<lsp_types::CodeActionOrCommand>> {
        let (file, text) = self.locate(&p.text_document.uri)?;
        let span = Lines::new(&text).span(&text, p.range, self.enc);
        let analysis = self.state.analysis.as_ref()?;
        Some(actions::actions(analysis, file?, span, self.enc))
    }
}
