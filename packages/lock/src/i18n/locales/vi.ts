import type { LocaleStrings } from './en.js';

const vi: LocaleStrings = {
  heading: 'Đăng nhập',
  close: 'Đóng',
  language: 'Ngôn ngữ',
  email: {
    label: 'Email',
    instructions:
      'Nhập email của bạn, chúng tôi sẽ gửi cho bạn một mã dùng một lần. Không cần mật khẩu.',
    instructionsLink: 'Nhập email của bạn, chúng tôi sẽ gửi cho bạn một liên kết để đăng nhập.',
    submit: 'Gửi mã',
    submitLink: 'Gửi liên kết',
    terms: 'Tôi đồng ý với điều khoản dịch vụ',
  },
  code: {
    sent: 'Chúng tôi đã gửi mã đến {{email}}.',
    resent: 'Chúng tôi đã gửi mã mới đến {{email}}.',
    label: 'Mã xác minh',
    hint: 'Mã gồm {{length}} chữ số trong email.',
    submit: 'Tiếp tục',
    changeEmail: 'Dùng email khác',
    resend: 'Gửi mã mới',
    resendIn_other: 'Bạn có thể yêu cầu mã mới sau {{count}} giây.',
    expiresIn: 'Mã sẽ hết hạn sau {{time}}.',
    expired: 'Mã đã hết hạn. Hãy yêu cầu mã mới.',
  },
  link: {
    sent: 'Chúng tôi đã gửi liên kết đến {{email}}.',
    instructions: 'Mở liên kết trong email trên thiết bị này để hoàn tất đăng nhập.',
    resend: 'Gửi liên kết mới',
    enterCode: 'Nhập mã thay cho liên kết',
  },
  status: {
    sending: 'Đang gửi…',
    checking: 'Đang kiểm tra…',
  },
  done: 'Bạn đã đăng nhập.',
  errors: {
    wrong_code: 'Mã không đúng hoặc đã hết hạn. Hãy kiểm tra rồi thử lại.',
    wrong_code_left_other: 'Mã không đúng. Bạn còn {{count}} lần thử.',
    attempts_used: 'Mã không đúng và đó là lần thử cuối cùng. Hãy yêu cầu mã mới.',
    too_many_attempts: 'Bạn đã nhập sai mã quá nhiều lần. Hãy chờ vài phút rồi yêu cầu mã mới.',
    rate_limited: 'Quá nhiều yêu cầu. Hãy chờ một lát rồi thử lại.',
    rate_limited_wait_other: 'Quá nhiều yêu cầu. Hãy thử lại sau {{count}} giây.',
    bad_email: 'Hãy nhập một địa chỉ email hợp lệ.',
    code_required: 'Hãy nhập mã trong email.',
    terms_required: 'Hãy đồng ý với điều khoản dịch vụ để tiếp tục.',
    origin_not_allowed: 'Trang web này không được phép đăng nhập vào ứng dụng này.',
    network: 'Không thể kết nối với máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
    timeout: 'Máy chủ phản hồi quá lâu. Hãy thử lại.',
    code_expired: 'Mã này đã hết hạn. Hãy yêu cầu mã mới.',
    invalid_token: 'Không thể xác minh lần đăng nhập. Hãy thử lại.',
    invalid_state:
      'Lần đăng nhập này đã bắt đầu ở nơi khác hoặc đã được dùng rồi. Hãy bắt đầu lại.',
    server: 'Đã xảy ra lỗi từ phía chúng tôi. Hãy thử lại sau.',
  },
};

export default vi;
