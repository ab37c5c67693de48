import type { ServerText } from './server-text.js';

const vi: ServerText = {
  email: {
    codeSubject: 'Mã xác minh {app} của bạn',
    linkSubject: 'Đăng nhập vào {app}',
    codeIntro: 'Mã xác minh {app} của bạn là:',
    codeUse:
      'Hãy nhập mã này ở nơi bạn đã yêu cầu. Mã chỉ dùng được một lần và sẽ hết hạn sau {minutes}.',
    linkIntro: 'Đăng nhập vào {app} bằng liên kết này:',
    linkButton: 'Đăng nhập',
    linkCode: 'Hoặc nhập mã này:',
    linkUse: 'Liên kết chỉ dùng được một lần và sẽ hết hạn sau {minutes}.',
    ignore: 'Nếu bạn không yêu cầu, bạn có thể bỏ qua email này.',
  },
  confirm: {
    heading: 'Đăng nhập vào {app}',
    intro: 'Nhấn nút để hoàn tất đăng nhập.',
    button: 'Đăng nhập',
    notYou: 'Nếu bạn không yêu cầu đăng nhập, bạn có thể đóng trang này.',
    refusedHeading: 'Không thể dùng trang đăng nhập này',
    refusedText:
      'Trang đã hết hạn, đã được dùng rồi hoặc được gửi từ một trang web khác. Hãy mở lại liên kết trong email, hoặc yêu cầu liên kết mới.',
  },
};

export default vi;
