// The live room: your camera and up to three others over a WebRTC mesh, chat, the live
// leaderboard, your own study clock with the break switch and the subject, and the room's
// pomodoro, all driven by the room's WebSocket. Leaving by any way but the 나가기 button asks first. Returns the cleanup the
// router calls on the way out: the socket closes, every track stops, every peer connection
// closes, timers end.
import {h, replace} from '../dom.js';
import {api, enc} from '../api.js';
import {guardLeaving, leaveGuarded, navigate} from '../router.js';
import {confirmDialog, showError, toast} from '../ui.js';
import {noteLeft, noteLive, noteStatus} from '../today.js';
import {LiveSocket} from '../live/socket.js';
import {Mesh, mediaOf, openMedia, stopStream} from '../live/rtc.js';
import {createChat} from '../live/chat.js';
import {createBoard} from '../live/board.js';
import {createVideos} from '../live/videos.js';
import {createMyClock} from '../live/my-clock.js';
import {createPomodoro} from '../live/pomodoro-ring.js';
import {headerLine} from '../live/header.js';
import {confirmMine, initialMine, rejectMine, requestMine, shownMine, statusOfUser,
  statusesFromWelcome, withPeer, withStatus, withoutPeer} from '../live/statuses.js';
const MEDIA_PROBLEMS = {
  denied: '카메라와 마이크 사용이 허용되지 않아 다른 사람의 화면만 볼 수 있어요. 주소창의 권한 설정에서 허용한 뒤 다시 들어와 주세요.',
  absent: '카메라와 마이크를 찾지 못해 다른 사람의 화면만 볼 수 있어요.',
  unsupported: '이 브라우저나 주소(https가 아닌 주소)에서는 카메라를 쓸 수 없어 다른 사람의 화면만 볼 수 있어요.',
  'partial-video': '마이크를 쓸 수 없어 카메라만 켰어요.',
  'partial-audio': '카메라를 쓸 수 없어 마이크만 켰어요.',
};

const FRAME_ERRORS = {
  RATE_LIMITED: '메시지를 너무 빨리 보내고 있어요. 잠시 후 자동으로 다시 보낼게요.',
  INVALID_FRAME: '메시지를 보낼 수 없어요. 1000자 이하로 입력해 주세요.',
  UNAVAILABLE: '서버가 잠시 응답하지 못해요. 잠시 후 다시 시도해 주세요.',
};

const STATUS_ERRORS = {
  RATE_LIMITED: '상태를 너무 자주 바꾸고 있어요. 잠시 후 다시 해 주세요.',
  INVALID_FRAME: '공부 상태를 바꾸지 못했어요. 과목은 1~20자로 써 주세요.',
  UNAVAILABLE: '서버가 잠시 응답하지 못해 상태를 바꾸지 못했어요. 잠시 후 다시 해 주세요.',
};
/** How long an asked status may wait for its echo before the screen shows the server's again. */
const STATUS_ECHO_MS = 10_000;

export default async function render(view, {roomId}) {
  let disposed = false;
  let you = null;
  let room = null;
  let connected = false;
  let maxLive = 4;
  let rateTimer = null;
  let ended = false;           // the connection ended for good: leaving needs no question
  let myConnectionId = null;
  let statuses = new Map();    // connection id → {userId, status, subject}
  let mine = initialMine();    // our own status: confirmed by the server, and what we asked
  let echoTimer = null;
  let dayBoard = null;         // the latest day board: it lists every member, so it counts them

  // ---- layout ----
  const title = h('h1', {class: 'live-title'}, '라이브 스터디');
  const meta = h('p', {class: 'meta live-meta'}, '연결하는 중…');
  const leave = h('button', {type: 'button', class: 'danger', testid: 'leave-live', 'aria-label': '라이브 나가기',
    on: {click: () => leaveGuarded('/mine')}}, '나가기');
  const header = h('header', {class: 'live-header'}, h('div', {class: 'grow'}, title, meta), leave);
  const notice = h('div', {class: 'notice', testid: 'live-notice', role: 'status', 'aria-live': 'polite', hidden: true});
  const mediaNotice = h('div', {class: 'notice', testid: 'media-notice', role: 'status', hidden: true});

  const videos = createVideos({viewer: () => you, onKick: kick, onChange: () => updateMeta(),
    onMedia: (note) => mesh.tell(note)});
  const chat = createChat({roomId, send: (frame) => socket.send(frame)});
  const board = createBoard({roomId, onKick: kick, statusOf: (userId) => statusOfUser(statuses, userId)});
  const myClock = createMyClock({
    onBreak: (resting) => askStatus({status: resting ? 'break' : 'studying'}),
    onSubject: (subject) => askStatus({subject}),
  });
  const pomodoro = createPomodoro({roomId});

  view.classList.add('live-page');
  view.append(h('div', {class: 'live-room'}, header, notice, mediaNotice,
    h('div', {class: 'live-layout'},
      h('div', {class: 'live-main'}, videos.el, videos.controls, h('div', {class: 'live-below'}, myClock.el, pomodoro.el)),
      h('div', {class: 'live-side'}, board.el, chat.el))));

  // Leaving by a menu link, the back button or a typed address asks first; 나가기 does not.
  const unguard = guardLeaving(async () => {
    if (ended || disposed) return true;
    return confirmDialog('라이브 나가기', '라이브 스터디에서 나갈까요? 나가면 공부 시간 측정이 멈춰요.', '나가기', true);
  });

  // ---- study status ----
  /** Asks the server for a break, the end of one, or a subject; shows it at once, settled by the echo. */
  function askStatus(change) {
    const asked = requestMine(mine, change);
    if (!socket.send(asked.frame)) {
      toast('연결되어 있지 않아 상태를 바꾸지 못했어요.', 'error');
      myClock.show(shownMine(mine));
      return;
    }
    mine = asked.mine;
    myClock.show(shownMine(mine));
    clearTimeout(echoTimer);
    echoTimer = setTimeout(() => {
      // No echo: show what the server last said; the next status frame or welcome settles it.
      if (disposed || !mine.pending) return;
      mine = rejectMine(mine);
      myClock.show(shownMine(mine));
    }, STATUS_ECHO_MS);
  }

  /** Our own status as the server says it: the switch, the subject box, our tile and the clocks follow. */
  function settleMine(info) {
    mine = confirmMine(mine, info);
    if (!mine.pending) clearTimeout(echoTimer);
    const now = shownMine(mine);
    myClock.show(now);
    videos.setLocalStatus(you?.userId, mine.confirmed.status, mine.confirmed.subject);
  }

  function peerStatus(frame) {
    statuses = withStatus(statuses, frame);
    const known = statuses.get(frame.connectionId);
    if (!known) return;
    board.setStatus(known.userId, known.status, known.subject);
    if (frame.connectionId === myConnectionId) {
      settleMine(known);
      noteStatus(known.status);
    } else {
      videos.setStatus(frame.connectionId, known.status, known.subject);
    }
  }

  function paintTileStatus(connectionId) {
    const known = statuses.get(connectionId);
    if (known) videos.setStatus(connectionId, known.status, known.subject);
  }

  // ---- notices ----
  function setNotice(text, {bad = false, actions = []} = {}) {
    videos.fit();   // the tiles start lower or higher now
    if (!text) {
      notice.hidden = true;
      replace(notice);
      return;
    }
    notice.className = bad ? 'notice bad' : 'notice';
    replace(notice, h('p', {}, text), actions.length ? h('div', {class: 'notice-actions'}, actions) : null);
    notice.hidden = false;
  }

  const action = (label, onClick, testid) => h('button', {type: 'button', class: 'small', testid, on: {click: onClick}}, label);
  const toMine = () => action('내 스터디로', () => navigate('/mine'), 'notice-mine');

  function updateMeta() {
    if (room) {
      title.textContent = room.title ?? '라이브 스터디';
      document.title = `${room.title ?? '라이브'} — 스터피`;
    }
    meta.textContent = headerLine({room, board: dayBoard, connected, liveCount: videos.remoteCount + 1, maxLive,
      owner: Boolean(you?.owner)});
  }

  // ---- media ----
  async function ensureMedia() {
    if (videos.local?.getTracks().some((t) => t.readyState === 'live')) return;
    const {stream, problem} = await openMedia();
    if (disposed) {
      stopStream(stream);
      return;
    }
    videos.showLocal(stream, stream ? null : problem);
    mesh.localStream = stream;
    mediaNotice.textContent = problem ? MEDIA_PROBLEMS[problem] : '';
    mediaNotice.hidden = !problem;
    videos.fit();
  }

  function releaseMedia() {
    stopStream(videos.local);
    videos.showLocal(null);
    mesh.localStream = null;
  }

  const mesh = new Mesh({
    iceServers: [],
    localStream: null,
    signal: (to, kind, payload) => socket.send({type: 'signal', to, kind, payload}),
    onStream: (peer) => {
      videos.showStream(peer.info, peer.stream, mediaOf(peer));
      paintTileStatus(peer.info.connectionId);
    },
    onMedia: (peer) => videos.setMedia(peer.info.connectionId, mediaOf(peer)),
    onGone: (peer) => videos.removeTile(peer.info.connectionId),
  });

  // ---- owner ----
  async function kick({userId, nickname}) {
    const name = nickname || '이 멤버';
    const yes = await confirmDialog('멤버 내보내기',
      `${name} 님을 이 방에서 내보낼까요? 내보낸 멤버는 차단을 풀기 전까지 다시 들어올 수 없어요.`, '내보내기', true);
    if (!yes || disposed) return;
    try {
      await api.del(`/api/rooms/${enc(roomId)}/members/${enc(userId)}`);
      toast(`${name} 님을 내보냈어요.`, 'ok');
    } catch (error) {
      showError(error);
    }
  }

  // ---- the socket ----
  const socket = new LiveSocket(roomId, {
    onWelcome(frame) {
      const receivedAt = performance.now();
      connected = true;
      you = frame.you ?? you;
      room = frame.room ?? room;
      dayBoard = Array.isArray(frame.leaderboard) ? frame.leaderboard : dayBoard;
      videos.setMe(you);
      setNotice(null);
      mesh.reset(frame.connectionId);
      const before = shownMine(mine);
      const again = myConnectionId !== null;
      myConnectionId = frame.connectionId;
      statuses = statusesFromWelcome(frame);
      board.setViewer(you?.userId, you?.owner);
      board.setDay(frame.leaderboard);
      for (const peer of frame.peers ?? []) {
        videos.ensureTile(peer);
        paintTileStatus(peer.connectionId);
        mesh.add(peer, {initiator: true});   // the newcomer offers; the others answer
      }
      chat.welcome(frame);
      pomodoro.welcome(frame, receivedAt);
      // A new connection starts afresh on the server: settle our status by its word, then run the clock.
      mine = initialMine();
      settleMine(frame.you);
      myClock.started();
      noteLive(roomId, mine.confirmed.status);
      if (again && (before.status !== mine.confirmed.status || before.subject !== mine.confirmed.subject)) {
        // A new connection after a drop starts afresh on the server: carry on as we were.
        askStatus({status: before.status, subject: before.subject});
      }
      updateMeta();
    },
    onFrame(frame) {
      switch (frame.type) {
        case 'peer-joined':
          if (frame.peer?.connectionId) {
            statuses = withPeer(statuses, frame.peer);
            videos.ensureTile(frame.peer);
            paintTileStatus(frame.peer.connectionId);
            mesh.add(frame.peer);
          }
          break;
        case 'peer-left':
          statuses = withoutPeer(statuses, frame.connectionId);
          mesh.remove(frame.connectionId);
          videos.removeTile(frame.connectionId);
          updateMeta();
          break;
        case 'peer-status':
          peerStatus(frame);
          break;
        case 'chat':
          if (frame.message) chat.add(frame.message);
          break;
        case 'signal':
          mesh.handle(frame);
          break;
        case 'study':
          board.setDay(frame.leaderboard);
          if (Array.isArray(frame.leaderboard)) dayBoard = frame.leaderboard;
          updateMeta();
          break;
        case 'pomodoro':
          pomodoro.frame(frame.pomodoro ?? null, performance.now());
          break;
        case 'error':
          frameError(frame);
          break;
        default:
          break;   // kicked / left / room-closed / replaced: the close that follows explains it
      }
    },
    onDown() {
      connected = false;
      goneOffline();
      pomodoro.offline();
      board.offline();
      mesh.closeAll();
      videos.clear();
      updateMeta();
    },
    onReconnecting({attempt, delayMs}) {
      connected = false;
      const when = delayMs >= 1000 ? `${Math.round(delayMs / 1000)}초 후에` : '곧';
      setNotice(`연결이 끊겨 ${when} 다시 연결할게요. (${attempt}번째 시도)`, {
        actions: [action('지금 다시 연결', () => reenter(), 'notice-retry')],
      });
      updateMeta();
    },
    onEnded({reason, detail}) {
      connected = false;
      ended = reason !== 'signed-out';
      goneOffline();
      pomodoro.offline();
      board.offline();
      mesh.closeAll();
      videos.clear();
      // Free the camera: another tab may want it, and nobody sees it now anyway.
      releaseMedia();
      updateMeta();
      const retry = (label = '다시 시도') => action(label, () => reenter(), 'notice-retry');
      if (['kicked', 'left', 'not-member', 'closed', 'forbidden', 'not-found'].includes(reason)) chat.end();
      switch (reason) {
        case 'kicked':
          setNotice('방장이 회원님을 이 방에서 내보냈어요.', {bad: true, actions: [toMine()]});
          break;
        case 'left':
          setNotice('다른 탭이나 기기에서 이 스터디를 나가서 라이브 연결도 끝났어요.', {bad: true, actions: [toMine()]});
          break;
        case 'not-member':
          setNotice('이 방의 멤버가 아니어서 라이브에 들어갈 수 없어요.', {bad: true, actions: [toMine()]});
          break;
        case 'closed':
          setNotice('방이 삭제되었어요.', {bad: true, actions: [toMine()]});
          break;
        case 'replaced':
          setNotice('다른 탭이나 기기에서 이 방에 들어가서 여기 연결은 끊겼어요.', {actions: [retry('여기서 다시 연결'), toMine()]});
          break;
        case 'full':
          setNotice(`라이브 자리가 가득 찼어요 (최대 ${maxLive}명). 잠시 후 다시 시도해 주세요.`, {actions: [retry(), toMine()]});
          break;
        case 'forbidden':
          setNotice(detail === 'BANNED' ? '이 방에서 내보내져 다시 들어갈 수 없어요.' : '이 방의 멤버가 아니에요. 먼저 스터디에 참여해 주세요.',
            {bad: true, actions: [toMine()]});
          break;
        case 'not-found':
          setNotice('방을 찾을 수 없어요. 삭제되었을 수 있어요.', {bad: true, actions: [toMine()]});
          break;
        case 'ticket':
          setNotice('입장 확인에 계속 실패해 연결하지 못했어요. 잠시 후 다시 시도해 주세요.', {bad: true, actions: [retry(), toMine()]});
          break;
        default:
          setNotice('연결이 끝났어요.', {actions: [retry()]});   // signed out: the app goes to the login screen
      }
    },
  });

  /** The connection is gone: our clock stops, and the today strip with it. */
  function goneOffline() {
    clearTimeout(echoTimer);
    mine = rejectMine(mine);
    myClock.stopped();
    videos.setLocalStatus(null);
    noteLeft();
  }

  function frameError(frame) {
    if (frame.frame === 'status') {   // the server names the client frame an error answers
      clearTimeout(echoTimer);
      mine = rejectMine(mine);
      myClock.show(shownMine(mine));
      const message = STATUS_ERRORS[frame.code] ?? '공부 상태를 바꾸지 못했어요.';
      myClock.problem(message);
      toast(message, 'error');
      return;
    }
    if (frame.code === 'UNKNOWN_PEER' || frame.code === 'NOT_LIVE') return;   // a peer that just left; nothing to tell
    toast(FRAME_ERRORS[frame.code] ?? '요청을 처리하지 못했어요.', 'error');
    if (frame.code === 'RATE_LIMITED' && !rateTimer) {
      rateTimer = setTimeout(() => {
        rateTimer = null;
        if (!disposed) chat.resendPending();
      }, 10_000);
    }
  }

  async function reenter() {
    if (disposed) return;
    ended = false;
    setNotice('연결하는 중…');
    await ensureMedia();
    if (!disposed) socket.start();
  }

  async function start() {
    let config = null;
    try {
      config = await api.get('/api/client-config');
    } catch {
      config = null;   // an older server without the route: no ICE servers works on one network
    }
    if (disposed) return;
    mesh.iceServers = Array.isArray(config?.iceServers) ? config.iceServers : [];
    if (Number.isInteger(config?.maxLivePerRoom)) maxLive = config.maxLivePerRoom;
    await reenter();
  }

  updateMeta();
  start().catch((error) => {
    console.error(error);
    setNotice('라이브를 시작하지 못했어요. 새로고침해 주세요.', {bad: true});
  });

  return function cleanup() {
    if (disposed) return;
    disposed = true;
    unguard();
    socket.destroy();
    if (connected) noteLeft();
    myClock.destroy();
    pomodoro.destroy();
    clearTimeout(echoTimer);
    mesh.closeAll();
    videos.detach();
    releaseMedia();
    chat.destroy();
    board.destroy();
    clearTimeout(rateTimer);
    document.title = '스터피 — 함께 공부하는 곳';
    view.classList.remove('live-page');
  };
}
