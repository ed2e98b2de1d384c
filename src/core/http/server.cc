#include "core/http/server.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <thread>
#include <vector>

#include "core/http/body_file.h"
#include "core/http/router.h"

namespace entente::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

Request ToRequest(const bhttp::request_header<>& message, const std::string& remote_address) {
  Request request;
  request.method = ParseMethod(std::string_view(message.method_string().data(), message.method_string().size()));
  request.target = std::string(message.target());
  std::string_view target = request.target;
  size_t question = target.find('?');
  request.path = PercentDecode(target.substr(0, question), Plus::kLiteral);
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.remote_address = remote_address;
  return request;
}

}  // namespace

class Server::Impl {
 public:
  class Session;

  Impl(ServerOptions options, Dispatcher& dispatcher)
      : options_(std::move(options)), dispatcher_(dispatcher), acceptor_(io_), signals_(io_) {}

  void Start();
  void Accept();
  void Shutdown();
  void Wait();
  void Register(const std::shared_ptr<Session>& session);
  void Unregister(Session* session);
  // A place for one more large body from `address`, or false when it has
  // options_.uploads_per_address already; each true is matched by one ReleaseUpload.
  bool TakeUpload(const std::string& address);
  void ReleaseUpload(const std::string& address);

  ServerOptions options_;
  Dispatcher& dispatcher_;
  // Declared before io_ so that they outlive it: destroying io_ destroys pending handlers, whose
  // sessions unregister themselves.
  std::mutex mutex_;
  std::condition_variable drained_;
  std::set<std::weak_ptr<Session>, std::owner_less<std::weak_ptr<Session>>> sessions_;
  size_t session_count_ = 0;
  std::mutex uploads_mutex_;
  std::unordered_map<std::string, int> uploads_;  // large bodies being read, by client address
  asio::io_context io_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::vector<std::thread> threads_;
  std::atomic<bool> draining_{false};
  std::atomic<std::uint16_t> port_{0};

  std::once_flag shutdown_once_;
  std::thread shutdown_thread_;
};

class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code ignored;
    auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_address_ = ignored ? std::string() : endpoint.address().to_string();
  }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  // Closes the connection if it is waiting for a request; a request in progress finishes first.
  void CloseIfIdle() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        beast::error_code ignored;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        self->stream_.close();
      }
    });
  }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options_.max_header_bytes));
    // No body limit while the header is read: Beast would otherwise hold its Content-Length
    // against its own default (1 MiB) when the header ends, before the route's limit is known,
    // and refuse every larger upload. OnHeader sets the route's. (Not boost::none: Beast 1.74
    // compares Content-Length > an empty optional as true.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    idle_ = true;
    // The first request must arrive within the header timeout; later ones on a kept-alive
    // connection may wait for the idle timeout.
    stream_.expires_after(requests_served_ == 0 ? server_.options_.header_timeout : server_.options_.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code error, size_t) { self->OnHeader(error); });
  }

  void OnHeader(beast::error_code error) {
    idle_ = false;
    if (error) return OnReadError(error);
    const auto& message = parser_->get();
    Method method = ParseMethod(std::string_view(message.method_string().data(), message.method_string().size()));
    std::string_view target(message.target().data(), message.target().size());
    std::string path = PercentDecode(target.substr(0, target.find('?')), Plus::kLiteral);
    size_t limit = BodyLimitFor(server_.dispatcher_.MaxBodyBytes(method, path),
                                std::string_view(message[bhttp::field::cookie]),
                                std::string_view(message[bhttp::field::authorization]));
    auto length = parser_->content_length();
    if (length && *length > limit) return Refuse(413);
    parser_->body_limit(limit);
    if (parser_->is_done()) return Handle();
    if (limit > kDefaultMaxBodyBytes) return ReadIntoFile(limit);
    stream_.expires_after(server_.options_.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, size_t) {
      if (error) return self->OnReadError(error);
      self->Handle();
    });
  }

  // A large body goes to a temporary file, if this address has a place for one more.
  void ReadIntoFile(size_t limit) {
    // Counted per client: behind a trusted proxy, the forwarded address, not the proxy's.
    std::string forwarded_for;
    for (const auto& field : parser_->get()) {
      if (!beast::iequals(field.name_string(), "x-forwarded-for")) continue;
      if (!forwarded_for.empty()) forwarded_for += ',';
      forwarded_for.append(field.value().data(), field.value().size());
    }
    upload_address_ = ClientAddress(remote_address_, forwarded_for, server_.options_.trusted_proxies);
    if (!server_.TakeUpload(upload_address_)) return Refuse(429);
    holds_upload_ = true;
    auto file = BodyFile::Create(server_.options_.temporary_directory);
    if (!file) {
      spdlog::error("request body: {}", file.error().message());
      return Refuse(500);
    }
    beast::file_posix writer;
    int descriptor = ::dup((*file)->descriptor());
    if (descriptor < 0) return Refuse(500);
    writer.native_handle(descriptor);
    beast::error_code error;
    file_parser_.emplace(std::move(*parser_));
    parser_.reset();
    file_parser_->body_limit(limit);
    file_parser_->get().body().reset(std::move(writer), error);
    if (error) return Refuse(500);
    body_file_ = std::move(*file);
    stream_.expires_after(server_.options_.body_timeout);
    bhttp::async_read(stream_, buffer_, *file_parser_, [self = shared_from_this()](beast::error_code error, size_t) {
      if (error) return self->OnReadError(error);
      self->HandleFile();
    });
  }

  // Ends what a large body holds: its file (already nameless) and its place in the count.
  void EndUpload() {
    file_parser_.reset();
    body_file_.reset();
    if (holds_upload_) server_.ReleaseUpload(upload_address_);
    holds_upload_ = false;
  }

  void OnReadError(beast::error_code error) {
    EndUpload();
    if (error == bhttp::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::operation_aborted || error == asio::error::connection_reset ||
        error == asio::error::eof || error == asio::error::bad_descriptor) {
      return Close();
    }
    if (error == bhttp::error::header_limit) return Refuse(431);
    if (error == bhttp::error::body_limit) return Refuse(413);
    if (error == bhttp::error::partial_message) return Close();
    // Anything else is a request we cannot parse.
    Refuse(400);
  }

  void Refuse(int status) {
    Request request;
    if (parser_ && parser_->is_header_done()) request = ToRequest(parser_->get(), remote_address_);
    if (file_parser_ && file_parser_->is_header_done()) request = ToRequest(file_parser_->get(), remote_address_);
    request.remote_address = remote_address_;
    EndUpload();
    Response response = server_.dispatcher_.Reject(status, request);
    // Uploads in progress from this address end within the body timeout.
    if (status == 429) response.SetHeader("Retry-After", "10");
    Send(std::move(response), /*keep_alive=*/false, /*head=*/false);
  }

  void Handle() {
    Request request = ToRequest(parser_->get(), remote_address_);
    request.body = std::move(parser_->get().body());
    Dispatch(request, parser_->get().keep_alive());
  }

  // A large body, complete in its file: mapped and handed over as Request::body_file.
  void HandleFile() {
    Request request = ToRequest(file_parser_->get(), remote_address_);
    bool keep_alive = file_parser_->get().keep_alive();
    file_parser_.reset();  // closes the writing descriptor
    if (auto mapped = body_file_->Map(); !mapped) {
      spdlog::error("request body: {}", mapped.error().message());
      return Refuse(500);
    }
    request.body_file = std::move(body_file_);
    Dispatch(request, keep_alive);
  }

  void Dispatch(Request& request, bool keep_alive) {
    bool head = request.method == Method::kHead;
    Response response = server_.dispatcher_.Handle(request);
    request.body_file.reset();
    EndUpload();
    ++requests_served_;
    Send(std::move(response), keep_alive && !server_.draining_.load(), head);
  }

  void Send(Response response, bool keep_alive, bool head) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>();
    message->version(11);
    message->result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) message->insert(name, value);
    size_t body_size = response.body.size();
    if (!head) message->body() = std::move(response.body);
    message->content_length(body_size);
    message->keep_alive(keep_alive);
    stream_.expires_after(server_.options_.body_timeout);
    if (head) {
      // HEAD: the GET's headers, including its Content-Length, and no body.
      auto serializer = std::make_shared<bhttp::response_serializer<bhttp::string_body>>(*message);
      bhttp::async_write_header(stream_, *serializer,
                                [self = shared_from_this(), message, serializer, keep_alive](
                                    beast::error_code error, size_t) { self->OnWritten(error, keep_alive); });
      return;
    }
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep_alive](beast::error_code error, size_t) {
                         self->OnWritten(error, keep_alive);
                       });
  }

  void OnWritten(beast::error_code error, bool keep_alive) {
    if (error || !keep_alive || server_.draining_.load()) return Close();
    ReadHeader();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

 public:
  ~Session() {
    EndUpload();
    server_.Unregister(this);
  }

 private:
  Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  // A large body's parser, which writes into `body_file_` (ReadIntoFile).
  std::optional<bhttp::request_parser<bhttp::file_body>> file_parser_;
  std::shared_ptr<BodyFile> body_file_;
  bool holds_upload_ = false;  // counted in server_.uploads_
  std::string remote_address_;
  std::string upload_address_;  // the client an upload is counted for
  size_t requests_served_ = 0;
  bool idle_ = true;  // touched only on the session's strand
};

void Server::Impl::Start() {
  auto address = asio::ip::make_address(options_.host == "localhost" ? "127.0.0.1" : options_.host);
  tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  if (endpoint.protocol() == tcp::v6()) acceptor_.set_option(asio::ip::v6_only(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
  Accept();
  int count = options_.threads > 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < count; ++i) {
    threads_.emplace_back([this] { io_.run(); });
  }
}

void Server::Impl::Accept() {
  acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code error, tcp::socket socket) {
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor_.is_open()) return;
      // EMFILE and friends: log, and keep accepting rather than stop serving.
      spdlog::warn("accept failed: {}", error.message());
    } else if (!draining_) {
      auto session = std::make_shared<Session>(*this, std::move(socket));
      Register(session);
      session->Start();
    }
    if (!draining_) Accept();
  });
}

void Server::Impl::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  sessions_.insert(session);
  ++session_count_;
}

void Server::Impl::Unregister(Session*) {
  std::lock_guard lock(mutex_);
  // Expired weak pointers are pruned here; the count is what Shutdown() waits on.
  std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
  --session_count_;
  drained_.notify_all();
}

bool Server::Impl::TakeUpload(const std::string& address) {
  std::lock_guard lock(uploads_mutex_);
  int& count = uploads_[address];
  if (count >= options_.uploads_per_address) {
    if (count == 0) uploads_.erase(address);
    return false;
  }
  ++count;
  return true;
}

void Server::Impl::ReleaseUpload(const std::string& address) {
  std::lock_guard lock(uploads_mutex_);
  auto it = uploads_.find(address);
  if (it != uploads_.end() && --it->second <= 0) uploads_.erase(it);
}

void Server::Impl::Shutdown() {
  std::call_once(shutdown_once_, [this] {
    draining_ = true;
    asio::post(io_, [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
      signals_.cancel(ignored);
    });
    std::vector<std::shared_ptr<Session>> sessions;
    {
      std::lock_guard lock(mutex_);
      for (const auto& weak : sessions_) {
        if (auto session = weak.lock()) sessions.push_back(std::move(session));
      }
    }
    for (const auto& session : sessions) session->CloseIfIdle();
    sessions.clear();
    // Wait (off the io threads) for in-flight requests, then stop.
    shutdown_thread_ = std::thread([this] {
      std::unique_lock lock(mutex_);
      bool drained = drained_.wait_for(lock, options_.shutdown_grace, [this] { return session_count_ == 0; });
      if (!drained) spdlog::warn("shutdown: {} connection(s) still open after the grace period", session_count_);
      lock.unlock();
      io_.stop();
    });
  });
}

void Server::Impl::Wait() {
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  if (shutdown_thread_.joinable()) shutdown_thread_.join();
}

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() {
  Shutdown();
  Wait();
}

void Server::Start() {
  try {
    impl_->Start();
  } catch (const boost::system::system_error& error) {
    throw std::runtime_error(
        fmt::format("cannot listen on {}:{}: {}", impl_->options_.host, impl_->options_.port, error.code().message()));
  }
}

std::uint16_t Server::port() const { return impl_->port_; }

void Server::ShutdownOnSignals() {
  impl_->signals_.add(SIGINT);
  impl_->signals_.add(SIGTERM);
  impl_->signals_.async_wait([this](beast::error_code error, int signal) {
    if (error) return;
    spdlog::info("signal {} received: finishing in-flight requests", signal);
    Shutdown();
  });
}

void Server::Shutdown() { impl_->Shutdown(); }

void Server::Wait() { impl_->Wait(); }

long RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  return static_cast<long>(limit.rlim_cur);
}

}  // namespace entente::http
