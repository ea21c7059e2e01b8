// Every area's messages in one language: one chunk per language, loaded on its own (i18n/load.ts).
// A new area: one import and one spread line here, in es.ts and fr.ts (README).
import common from './common/en';
import phone from './phone/en';
import landing from './landing/en';
import election from './election/en';
import gossip from './gossip/en';
import byzantine from './byzantine/en';
import cart from './cart/en';
import consoleArea from './console/en';
import stage from './stage/en';
import replay from './replay/en';
import map from './map/en';
import electionConsole from './electionConsole/en';
import gossipConsole from './gossipConsole/en';
import byzantineConsole from './byzantineConsole/en';
import sandboxConsole from './sandboxConsole/en';
import errors from './errors/en';
import gameErrors from './gameErrors/en';
import consoleErrors from './consoleErrors/en';
import notices from './notices/en';

const messages = {
  ...common,
  ...phone,
  ...landing,
  ...election,
  ...gossip,
  ...byzantine,
  ...cart,
  ...consoleArea,
  ...stage,
  ...replay,
  ...map,
  ...electionConsole,
  ...gossipConsole,
  ...byzantineConsole,
  ...sandboxConsole,
  ...errors,
  ...gameErrors,
  ...consoleErrors,
  ...notices,
};
export type English = typeof messages;
export default messages;
