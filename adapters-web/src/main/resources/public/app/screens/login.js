// Login: Kakao / Naver for the enabled providers, the dev form when the server offers it,
// and the landing point of the OAuth redirect (/#/login?token=…&newUser=…).
import {field, h} from '../dom.js';
import {api, describe} from '../api.js';
import {navigate} from '../router.js';
import {forgetGuestSecret, guestSecret, keepGuestSecret, signIn, signedIn} from '../session.js';
import {busy, formErrors, toast} from '../ui.js';

const OAUTH_ERRORS = {
  access_denied: '로그인을 취소했어요.',
  provider_unavailable: '로그인 서비스가 잠시 응답하지 않아요. 잠시 후 다시 시도해 주세요.',
};

export default async function render(view, {query}) {
  const token = query.get('token');
  if (token) {
    // The token must not stay in the address bar or the history.
    history.replaceState(null, '', `${location.pathname}#/login`);
    signIn(token, true);
    toast(query.get('newUser') === 'true' ? '스터피에 오신 걸 환영해요!' : '다시 오셨네요!', 'ok');
    navigate(query.get('newUser') === 'true' ? '/profile' : '/rooms');
    return;
  }
  if (signedIn() && !query.get('error')) {
    navigate('/rooms');
    return;
  }
  const error = query.get('error');
  const box = h('section', {class: 'login card stack'},
    h('h1', {}, '스터피'),
    h('p', {class: 'muted'}, '같은 목표를 가진 사람들과 함께 공부해요. 스터디를 찾고, 화상으로 함께 공부하고, 공부 시간을 겨뤄 보세요.'),
    error ? h('p', {class: 'form-error', role: 'alert'}, OAUTH_ERRORS[error] ?? `로그인하지 못했어요. (${error})`) : null);
  view.append(box);

  let providers = [];
  try {
    providers = (await api.get('/api/auth/providers')).providers ?? [];
  } catch (e) {
    box.append(h('p', {class: 'form-error', role: 'alert'}, describe(e)));
    return;
  }
  const buttons = h('div', {class: 'providers'});
  if (providers.includes('kakao')) {
    buttons.append(h('a', {class: 'button kakao', href: '/api/auth/kakao/login', testid: 'login-kakao'}, '카카오로 시작하기'));
  }
  if (providers.includes('naver')) {
    buttons.append(h('a', {class: 'button naver', href: '/api/auth/naver/login', testid: 'login-naver'}, '네이버로 시작하기'));
  }
  if (buttons.childElementCount > 0) box.append(buttons);
  if (providers.includes('dev')) box.append(devForm());
}

function devForm() {
  const returning = guestSecret() !== null;
  const nickname = h('input', {type: 'text', testid: 'dev-nickname', maxlength: 20, autocomplete: 'nickname', required: !returning});
  const remember = h('input', {type: 'checkbox', checked: true, id: 'remember'});
  const problem = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const submit = h('button', {type: 'submit', class: 'primary', testid: 'dev-login'}, returning ? '게스트로 계속하기' : '게스트로 시작하기');
  const logIn = async () => {
    const secret = guestSecret();
    try {
      return await api.post('/api/auth/dev-login', secret ? {guestSecret: secret} : {nickname: nickname.value.trim()});
    } catch (err) {
      // The guest this browser kept is gone (deleted, or another server): start a new one with the typed name.
      if (!secret || err.status !== 401 || !nickname.value.trim()) throw err;
      forgetGuestSecret();
      return api.post('/api/auth/dev-login', {nickname: nickname.value.trim()});
    }
  };
  const form = h('form', {class: 'stack', on: {submit: (e) => {
    e.preventDefault();
    problem.hidden = true;
    busy(submit, async () => {
      try {
        const answer = await logIn();
        keepGuestSecret(answer.guestSecret, remember.checked);
        signIn(answer.token, remember.checked);
        navigate('/rooms');
      } catch (err) {
        formErrors(problem, err);
      }
    });
  }}},
  h('h2', {}, '게스트로 둘러보기'),
  field('닉네임', nickname, returning
    ? '이 브라우저의 게스트 계정으로 들어가요. 계정을 찾지 못하면 이 닉네임으로 새로 만들어요.'
    : '다른 사람에게 보이는 이름이에요. 게스트 계정은 이 브라우저에 저장돼요.'),
  h('label', {class: 'row'}, remember, '로그인 유지'),
  problem,
  h('div', {class: 'actions'}, submit));
  return form;
}
