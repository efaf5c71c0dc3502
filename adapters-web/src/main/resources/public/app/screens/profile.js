// Profile: nickname, e-mail and picture; logging out and deleting the account.
import {field, h, replace} from '../dom.js';
import {api, describe} from '../api.js';
import {navigate} from '../router.js';
import {forgetGuestSecret, signOut} from '../session.js';
import {IMAGE_TYPES, acceptableImage, busy, confirmDialog, formErrors, loading, toast} from '../ui.js';

const PROVIDERS = {kakao: '카카오', naver: '네이버', dev: '개발용'};

export default async function render(view) {
  view.append(h('h1', {}, '프로필'));
  const box = h('section', {class: 'card stack'});
  view.append(box);
  loading(box);
  try {
    show(box, await api.get('/api/users/me'));
  } catch (e) {
    const logout = h('button', {type: 'button', testid: 'profile-logout', on: {click: () => {
    signOut();
    toast('로그아웃했어요.');
    navigate('/login');
  }}}, '로그아웃');

  replace(box, h('p', {class: 'form-error', role: 'alert'}, describe(e)));
  }
}

function show(box, user) {
  const avatar = user.profileImageUrl
    ? h('img', {class: 'avatar big', src: user.profileImageUrl, alt: '내 프로필 사진'})
    : h('div', {class: 'avatar big', role: 'img', 'aria-label': '프로필 사진 없음'});
  const file = h('input', {type: 'file', accept: IMAGE_TYPES.join(','), testid: 'profile-image'});
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    if (!chosen) return;
    if (!acceptableImage(chosen)) {
      file.value = '';
      return;
    }
    busy(file, async () => {
      const updated = await api.upload('/api/users/me/image', chosen);
      toast('프로필 사진을 바꿨어요.', 'ok');
      show(box, updated);
    });
  });

  const nickname = h('input', {type: 'text', testid: 'profile-nickname', value: user.nickname, maxlength: 20, required: true, autocomplete: 'nickname'});
  const email = h('input', {type: 'email', testid: 'profile-email', value: user.email ?? '', maxlength: 254, autocomplete: 'email'});
  const problem = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const save = h('button', {type: 'submit', class: 'primary', testid: 'profile-save'}, '저장');
  const form = h('form', {class: 'stack', on: {submit: (e) => {
    e.preventDefault();
    problem.hidden = true;
    const changes = {};
    if (nickname.value.trim() !== user.nickname) changes.nickname = nickname.value.trim();
    if (email.value.trim() !== (user.email ?? '')) changes.email = email.value.trim() || null;
    if (Object.keys(changes).length === 0) {
      toast('바뀐 내용이 없어요.');
      return;
    }
    busy(save, async () => {
      try {
        const updated = await api.patch('/api/users/me', changes);
        toast('저장했어요.', 'ok');
        show(box, updated);
      } catch (err) {
        formErrors(problem, err);
      }
    });
  }}},
  field('닉네임', nickname, '1–20자'),
  field('이메일', email, '비워 두면 지워져요.'),
  problem,
  h('div', {class: 'actions'}, save));

  const remove = h('button', {type: 'button', class: 'danger', testid: 'profile-delete', on: {click: async () => {
    const sure = await confirmDialog('계정 삭제',
      '계정을 지우면 모든 스터디에서 나가고(방장이면 다음 멤버에게 넘어가요) 할 일 목록도 지워져요. 되돌릴 수 없어요.', '계정 삭제', true);
    if (!sure) return;
    busy(remove, async () => {
      await api.del('/api/users/me');
      signOut();
      forgetGuestSecret();
      toast('계정을 삭제했어요. 그동안 고마웠어요.', 'ok');
      navigate('/login');
    });
  }}}, '계정 삭제');

  const logout = h('button', {type: 'button', testid: 'profile-logout', on: {click: () => {
    signOut();
    toast('로그아웃했어요.');
    navigate('/login');
  }}}, '로그아웃');

  replace(box,
    h('div', {class: 'row'}, avatar, h('div', {class: 'grow'},
      h('h2', {}, user.nickname),
      h('p', {class: 'muted'}, `연결된 로그인: ${user.providers.map((p) => PROVIDERS[p] ?? p).join(', ') || '없음'}`))),
    field('프로필 사진 바꾸기', file, 'PNG, JPEG, WEBP, GIF · 5MB 이하'),
    form,
    h('hr'),
    h('h3', {}, '계정'),
    h('div', {class: 'profile-actions'}, logout, remove));
}
