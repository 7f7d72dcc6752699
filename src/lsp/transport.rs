//! Stdio framing in front of tower-lsp. tower-lsp stops reading for good after one malformed
//! message, so copydesk reads the client's frames itself: well-formed JSON goes on to tower-lsp,
//! anything else gets a JSON-RPC parse error and the stream resynchronises at the next header.
//! All output passes through one writer so injected errors never split another message.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// Larger bodies are refused rather than buffered (a 50 MB document is fine).
pub const MAX_BODY: usize = 256 * 1024 * 1024;

const HEADER: &[u8] = b"Content-Length";

/// Reads framed messages from a byte stream, tolerating garbage and wrong lengths.
pub struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
    eof: bool,
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
    pub fn new(reader: R) -> Self {
        FrameReader {
            reader,
            buffer: Vec::new(),
            eof: false,
        }
    }

    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut chunk = vec![0; 64 * 1024];
        match self.reader.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                self.eof = true;
                false
            }
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                true
            }
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
        let body = self.buffer[header_end..header_end + length].to_vec();
        if serde_json::from_slice::<serde_json::Value>(&body).is_ok() {
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
    let mut frames = FrameReader::new(server);
    while let Some(next) = frames.next().await {
        if let Frame::Message(body) = next {
            if output.send(frame(&body)).is_err() {
                break;
            }
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
    async fn missing_length_is_malformed() {
        let mut input = b"Content-Length: x\r\n\r\n".to_vec();
        input.extend(frame(b"{}"));
        let frames = frames_of(&input).await;
        assert!(matches!(frames[0], Frame::Malformed(_)));
        assert_eq!(frames.last(), Some(&message("{}")));
    }
}
