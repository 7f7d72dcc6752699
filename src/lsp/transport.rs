//! Stdio framing in front of tower-lsp. tower-lsp stops reading for good after one malformed
//! message, so copydesk reads the client's frames itself: well-formed JSON goes on to tower-lsp,
//! anything else gets a JSON-RPC parse error and the stream resynchronises at the next header.
//! All output passes through one writer so injected errors never split another message.

use serde::Serialize;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp::lsp_types::notification::Notification;

/// Larger bodies are refused rather than buffered (a 50 MB document is fine).
pub const MAX_BODY: usize = 256 * 1024 * 1024;

const HEADER: &[u8] = b"Content-Length";

/// Reads framed messages from a byte stream, tolerating garbage and wrong lengths.
pub struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
    eof: bool,
    /// Whether a body must be valid JSON to count as a message. The client's must (tower-lsp
    /// would stop at a bad one); tower-lsp's own output is serialised JSON, and reading back a
    /// large publish into a tree only to drop it cost milliseconds per edit.
    checks_json: bool,
}

/// One unit read from the client.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A body that parsed as JSON.
    Message(Vec<u8>),
    /// Something that was not a valid message; the reason is logged and answered.
    Malformed(String),
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads the client's messages: a body that is not valid JSON is [`Frame::Malformed`].
    pub fn new(reader: R) -> Self {
        FrameReader {
            reader,
            buffer: Vec::new(),
            eof: false,
            checks_json: true,
        }
    }

    /// Reads tower-lsp's output, whose bodies are JSON it serialised itself: only the framing
    /// is read.
    pub fn trusting_json(reader: R) -> Self {
        FrameReader {
            checks_json: false,
            ..FrameReader::new(reader)
        }
    }

    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        // Read straight into the buffer's spare room: a large message arrives in many chunks.
        self.buffer.reserve(64 * 1024);
        match self.reader.read_buf(&mut self.buffer).await {
            Ok(0) | Err(_) => {
                self.eof = true;
                false
            }
            Ok(_) => true,
        }
    }

    /// The next frame, or `None` at the end of the stream.
    pub async fn next(&mut self) -> Option<Frame> {
        loop {
            if let Some(frame) = self.try_parse() {
                self.release_spare_capacity();
                return Some(frame);
            }
            if !self.fill().await {
                // A trailing partial message can never complete.
                return None;
            }
        }
    }

    /// After a huge message the buffer would keep its capacity for good; give it back, so the
    /// memory a large document took returns once the document is closed.
    fn release_spare_capacity(&mut self) {
        const KEEP: usize = 1 << 20;
        if self.buffer.capacity() > KEEP && self.buffer.len() < self.buffer.capacity() / 4 {
            self.buffer.shrink_to(self.buffer.len().max(KEEP));
        }
    }

    /// Parses one frame from the buffer if a whole one is there.
    fn try_parse(&mut self) -> Option<Frame> {
        let start = find(&self.buffer, HEADER)?;
        if start > 0 {
            let garbage = self.buffer.drain(..start).count();
            return Some(Frame::Malformed(format!(
                "{garbage} bytes outside any message"
            )));
        }
        let header_end = find(&self.buffer, b"\r\n\r\n")? + 4;
        let headers = String::from_utf8_lossy(&self.buffer[..header_end]).to_string();
        let Some(length) = content_length(&headers) else {
            self.buffer.drain(..HEADER.len());
            return Some(Frame::Malformed("bad Content-Length header".to_string()));
        };
        if length > MAX_BODY {
            self.buffer.drain(..HEADER.len());
            return Some(Frame::Malformed(format!(
                "message of {length} bytes is too large"
            )));
        }
        if self.buffer.len() < header_end + length {
            return None;
        }
        let body = &self.buffer[header_end..header_end + length];
        if !self.checks_json || serde_json::from_slice::<serde_json::Value>(body).is_ok() {
            let body = body.to_vec();
            self.buffer.drain(..header_end + length);
            return Some(Frame::Message(body));
        }
        // A wrong length or broken JSON: drop this header and resynchronise at the next one.
        self.buffer.drain(..HEADER.len());
        Some(Frame::Malformed(
            "message body is not valid JSON".to_string(),
        ))
    }
}

fn content_length(headers: &str) -> Option<usize> {
    headers.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

fn parse_error(reason: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": format!("Parse error: {reason}")},
    });
    frame(body.to_string().as_bytes())
}

/// Forwards the client's valid messages to `to_server`; answers malformed ones on `output`.
pub async fn pump_input(
    client: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    output: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut frames = FrameReader::new(client);
    while let Some(next) = frames.next().await {
        match next {
            Frame::Message(body) => {
                if to_server.write_all(&frame(&body)).await.is_err() {
                    break;
                }
            }
            Frame::Malformed(reason) => {
                tracing::warn!("malformed message from the client: {reason}");
                let _ = output.send(parse_error(&reason));
            }
        }
    }
    // Closing the server's input ends tower-lsp's read loop: the client went away.
    let _ = to_server.shutdown().await;
}

/// Passes tower-lsp's output to `output` a whole message at a time.
pub async fn pump_output(server: impl AsyncRead + Unpin, output: mpsc::UnboundedSender<Vec<u8>>) {
    let mut frames = FrameReader::trusting_json(server);
    while let Some(next) = frames.next().await {
        if let Frame::Message(body) = next {
            if output.send(frame(&body)).is_err() {
                break;
            }
        }
    }
}

/// The queue of the one stdout writer, for messages the server sends past tower-lsp. Held
/// weakly: the writer stops once the streams it serves have ended, as before.
#[derive(Clone)]
pub struct Output(mpsc::WeakUnboundedSender<Vec<u8>>);

impl Output {
    pub fn new(queue: &mpsc::UnboundedSender<Vec<u8>>) -> Output {
        Output(queue.downgrade())
    }

    /// Sends a notification serialised in one pass from its typed params (tower-lsp makes a
    /// JSON tree of them first, then text).
    pub fn notify<N: Notification>(&self, params: &N::Params) {
        #[derive(Serialize)]
        struct Message<'p, P> {
            jsonrpc: &'static str,
            method: &'static str,
            params: &'p P,
        }
        let message = Message {
            jsonrpc: "2.0",
            method: N::METHOD,
            params,
        };
        match serde_json::to_vec(&message) {
            Ok(body) => {
                if let Some(queue) = self.0.upgrade() {
                    let _ = queue.send(frame(&body));
                }
            }
            Err(error) => tracing::error!("could not serialise {}: {error}", N::METHOD),
        }
    }
}

/// The only writer of stdout.
pub async fn write_output(
    mut stdout: impl AsyncWrite + Unpin,
    mut messages: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(message) = messages.recv().await {
        if stdout.write_all(&message).await.is_err() || stdout.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames_of(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(input);
        let mut frames = Vec::new();
        while let Some(frame) = reader.next().await {
            frames.push(frame);
        }
        frames
    }

    fn message(body: &str) -> Frame {
        Frame::Message(body.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn reads_back_to_back_messages() {
        let input = [frame(b"{\"a\":1}"), frame(b"[2]")].concat();
        assert_eq!(
            frames_of(&input).await,
            vec![message("{\"a\":1}"), message("[2]")]
        );
    }

    #[tokio::test]
    async fn broken_json_is_reported_and_the_next_message_still_read() {
        let input = [frame(b"{not json"), frame(b"{\"ok\":true}")].concat();
        let frames = frames_of(&input).await;
        assert!(matches!(frames[0], Frame::Malformed(_)));
        assert_eq!(frames.last(), Some(&message("{\"ok\":true}")));
    }

    #[tokio::test]
    async fn too_long_content_length_resynchronises_at_the_next_header() {
        let mut input = b"Content-Length: 40\r\n\r\n{\"short\":1}".to_vec();
        input.extend(frame(b"{\"ok\":true}"));
        input.extend(frame(b"{\"also\":true}"));
        let frames = frames_of(&input).await;
        assert!(frames.contains(&message("{\"ok\":true}")), "{frames:?}");
        assert_eq!(frames.last(), Some(&message("{\"also\":true}")));
    }

    #[tokio::test]
    async fn too_short_content_length_and_garbage_are_skipped() {
        let mut input = b"Content-Length: 3\r\n\r\n{\"truncated\":1}garbage".to_vec();
        input.extend(frame(b"{\"ok\":true}"));
        let frames = frames_of(&input).await;
        assert_eq!(frames.last(), Some(&message("{\"ok\":true}")));
    }

    #[tokio::test]
    async fn a_notification_sent_past_tower_lsp_is_one_framed_json_rpc_message() {
        use tower_lsp::lsp_types::notification::PublishDiagnostics;
        use tower_lsp::lsp_types::{PublishDiagnosticsParams, Url};
        let (queue, mut messages) = mpsc::unbounded_channel();
        let uri = Url::parse("file:///story.md").unwrap();
        Output::new(&queue).notify::<PublishDiagnostics>(&PublishDiagnosticsParams::new(
            uri,
            Vec::new(),
            Some(7),
        ));
        let framed = messages.recv().await.unwrap();
        let frames = frames_of(&framed).await;
        let [Frame::Message(body)] = frames.as_slice() else {
            panic!("{frames:?}");
        };
        let message: serde_json::Value = serde_json::from_slice(body).unwrap();
        assert_eq!(
            message,
            serde_json::json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": {"uri": "file:///story.md", "diagnostics": [], "version": 7},
            })
        );
    }

    #[tokio::test]
    async fn output_does_not_keep_the_writer_alive() {
        let (queue, mut messages) = mpsc::unbounded_channel::<Vec<u8>>();
        let output = Output::new(&queue);
        drop(queue);
        // The writer's queue ends once the streams' senders are gone, whatever `output` holds.
        assert_eq!(
            messages.try_recv(),
            Err(mpsc::error::TryRecvError::Disconnected)
        );
        // Sending through it then is a no-op, not a panic.
        output.notify::<tower_lsp::lsp_types::notification::Exit>(&());
    }

    #[tokio::test]
    async fn the_servers_own_output_is_forwarded_without_being_parsed() {
        // Not JSON: a reader that trusts its source passes it on, the client's reader does not.
        let input = frame(b"{not json");
        assert_eq!(
            FrameReader::trusting_json(&input[..]).next().await,
            Some(message("{not json"))
        );
        assert!(matches!(
            FrameReader::new(&input[..]).next().await,
            Some(Frame::Malformed(_))
        ));
    }

    #[tokio::test]
    async fn a_message_larger_than_one_read_arrives_whole() {
        let body = format!("{{\"text\":\"{}\"}}", "x".repeat(300_000));
        let input = [frame(body.as_bytes()), frame(b"[2]")].concat();
        assert_eq!(
            frames_of(&input).await,
            vec![message(&body), message("[2]")]
        );
    }

    #[tokio::test]
    async fn missing_length_is_malformed() {
        let mut input = b"Content-Length: x\r\n\r\n".to_vec();
        input.extend(frame(b"{}"));
        let frames = frames_of(&input).await;
        assert!(matches!(frames[0], Frame::Malformed(_)));
        assert_eq!(frames.last(), Some(&message("{}")));
    }
}
